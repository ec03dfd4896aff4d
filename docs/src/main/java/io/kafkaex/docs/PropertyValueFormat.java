package io.kafkaex.docs;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.util.unit.DataSize;

/**
 * Writes a property value as a user writes it in {@code application.yml}: durations as {@code 30s}, sizes as
 * {@code 16KB}, enum constants in lower case with hyphens (or as the property's value hint spells them), lists
 * comma-separated, classes by name.
 *
 * <p>Stateless; any thread may use it.
 */
final class PropertyValueFormat {

    private static final long[] DURATION_UNIT_NANOS = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L,
            1_000_000_000L, 1_000_000L, 1_000L, 1L};
    private static final String[] DURATION_UNITS = {"d", "h", "m", "s", "ms", "us", "ns"};
    private static final String[] SIZE_UNITS = {"TB", "GB", "MB", "KB"};

    private PropertyValueFormat() {
    }

    /**
     * The value as configuration text, or {@code null} for no value (null, or an empty list or map).
     *
     * @param hintValues the values of the property's hint, whose spelling an enum constant takes when one matches
     */
    static String format(Object value, List<String> hintValues) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty() ? null
                    : collection.stream().map(element -> format(element, hintValues)).collect(Collectors.joining(","));
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? null : map.toString();
        }
        if (value instanceof Duration duration) {
            return duration(duration);
        }
        if (value instanceof DataSize size) {
            return size(size.toBytes());
        }
        if (value instanceof Enum<?> constant) {
            return enumConstant(constant, hintValues);
        }
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        return value.toString();
    }

    /** An enum constant as the hint spells it, else in lower case with hyphens. */
    static String enumConstant(Enum<?> constant, List<String> hintValues) {
        return hintValues.stream()
                .filter(hint -> relaxed(hint).equals(relaxed(constant.name())))
                .findFirst()
                .orElse(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static String duration(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        for (int i = 0; i < DURATION_UNIT_NANOS.length; i++) {
            if (nanos % DURATION_UNIT_NANOS[i] == 0) {
                return nanos / DURATION_UNIT_NANOS[i] + DURATION_UNITS[i];
            }
        }
        throw new IllegalStateException("unreachable: every duration is a whole number of nanoseconds");
    }

    private static String size(long bytes) {
        for (int i = 0; i < SIZE_UNITS.length; i++) {
            long unit = 1L << (10 * (SIZE_UNITS.length - i));
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + SIZE_UNITS[i];
            }
        }
        return bytes + "B";
    }

    private static String relaxed(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
