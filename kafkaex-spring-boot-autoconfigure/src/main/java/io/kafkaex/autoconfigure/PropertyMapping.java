package io.kafkaex.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * Applies {@code kafkaex.*} property values to a core options builder (or an immutable options value) and, when the
 * core rejects the result, finds the property to blame and throws an {@link InvalidKafkaExPropertyException} naming
 * it, its value and what it allows, with the core's own message as the cause. The core stays the only place that
 * knows the rules; this class only knows which property fed which builder call.
 *
 * <p>The blamed property is the first one, in the order they were added, without which the rest is accepted; when
 * there is none (several are wrong), the first one whose addition to the ones before it is rejected. So a property
 * that switches on checks of others (a transactional-id prefix, the OAUTHBEARER mechanism) is added after them.
 *
 * <p>Used on the thread that creates the KafkaEx beans; not thread-safe.
 *
 * @param <T> the builder or value the properties are applied to; a setter returns the (same or new) target
 */
final class PropertyMapping<T> {

    private static final String SECRET = "******";

    private final List<Mapping<T>> mappings = new ArrayList<>();

    /** Maps {@code value} to the target with {@code setter}, unless it is {@code null} (unset). */
    <V> PropertyMapping<T> map(String property, V value, String allowed, BiFunction<T, V, T> setter) {
        return add(property, value, shown(value), allowed, setter, false);
    }

    /** {@link #map} for a secret, which no message shows. */
    <V> PropertyMapping<T> mapSecret(String property, V value, String allowed, BiFunction<T, V, T> setter) {
        return add(property, value, SECRET, allowed, setter, false);
    }

    /**
     * Checks {@code value} with {@code setter} together with the other properties, without keeping it in the target
     * {@link #apply} returns (for a value that its user applies later, such as a transactional-id prefix).
     */
    <V> PropertyMapping<T> check(String property, V value, String allowed, BiFunction<T, V, T> setter) {
        return add(property, value, shown(value), allowed, setter, true);
    }

    /**
     * A target from {@code start} with every mapped property applied, after {@code validate} (the core's build or
     * constructor) accepted it with the checked properties too.
     *
     * @param start a new target each time it is called
     * @throws InvalidKafkaExPropertyException naming the property whose value the core rejected
     */
    T apply(Supplier<T> start, Consumer<? super T> validate) {
        T all;
        try {
            all = applyAll(start.get(), mappings);
            validate.accept(all);
        } catch (InvalidKafkaExPropertyException invalid) {
            throw invalid;
        } catch (RuntimeException rejected) {
            throw blame(start, validate, rejected);
        }
        List<Mapping<T>> kept = mappings.stream().filter(mapping -> !mapping.checkOnly()).toList();
        return kept.size() == mappings.size() ? all : applyAll(start.get(), kept);
    }

    private RuntimeException blame(Supplier<T> start, Consumer<? super T> validate, RuntimeException rejected) {
        for (int i = 0; i < mappings.size(); i++) {
            int left = i;
            List<Mapping<T>> others = IntStream.range(0, mappings.size()).filter(j -> j != left)
                    .mapToObj(mappings::get).toList();
            if (rejection(start, validate, others) == null) {
                return mappings.get(i).invalid(rejected);
            }
        }
        for (int i = 1; i <= mappings.size(); i++) {
            RuntimeException prefixRejected = rejection(start, validate, mappings.subList(0, i));
            if (prefixRejected != null) {
                return mappings.get(i - 1).invalid(prefixRejected);
            }
        }
        return rejected; // what is wrong is not a property (e.g. a listener's group id)
    }

    private static <T> RuntimeException rejection(Supplier<T> start, Consumer<? super T> validate,
            List<Mapping<T>> applied) {
        try {
            validate.accept(applyAll(start.get(), applied));
            return null;
        } catch (RuntimeException rejected) {
            return rejected;
        }
    }

    private static <T> T applyAll(T target, List<Mapping<T>> applied) {
        T result = target;
        for (Mapping<T> mapping : applied) {
            result = mapping.setter().apply(result);
        }
        return result;
    }

    private <V> PropertyMapping<T> add(String property, V value, Object shown, String allowed,
            BiFunction<T, V, T> setter, boolean checkOnly) {
        if (value != null) {
            mappings.add(new Mapping<>(property, shown, allowed, target -> setter.apply(target, value), checkOnly));
        }
        return this;
    }

    /** The value as it would be written in application.yml where that differs from its toString. */
    private static Object shown(Object value) {
        if (value instanceof Duration duration) {
            ChronoUnit unit = Stream.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)
                    .filter(candidate -> duration.toMillis() % candidate.getDuration().toMillis() == 0).findFirst()
                    .orElse(ChronoUnit.MILLIS);
            return DurationStyle.SIMPLE.print(duration, duration.isZero() ? ChronoUnit.MILLIS : unit);
        }
        return value instanceof DataSize size ? size.toString() : value;
    }

    private record Mapping<T>(String property, Object shownValue, String allowed,
            UnaryOperator<T> setter, boolean checkOnly) {

        InvalidKafkaExPropertyException invalid(RuntimeException cause) {
            return new InvalidKafkaExPropertyException(property, shownValue, allowed, cause);
        }
    }
}
