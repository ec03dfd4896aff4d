package io.kafkaex.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.record.TimestampType;
import io.kafkaex.spring.annotation.KafkaExHandler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerDispatcherTest {

    private final Handlers bean = new Handlers();

    @Test
    void eachValueGoesToTheHandlerThatFitsItMostCloselyAndTheDefaultOnlyGetsTheRest() throws Exception {
        for (List<Method> order : List.of(methods(Comparator.naturalOrder()), methods(Comparator.reverseOrder()))) {
            bean.calls.clear();
            HandlerDispatcher dispatcher = new HandlerDispatcher(bean, order);

            dispatcher.invoke(List.of(record(7)), () -> { }, "g");
            dispatcher.invoke(List.of(record(7L)), () -> { }, "g");
            dispatcher.invoke(List.of(record("text")), () -> { }, "g");

            assertThat(bean.calls).as("handlers listed in %s", order)
                    .containsExactly("integer:7", "number:7", "any:text");
        }
    }

    private static List<Method> methods(Comparator<String> byName) {
        return Arrays.stream(Handlers.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(KafkaExHandler.class))
                .sorted(Comparator.comparing(Method::getName, byName)).toList();
    }

    private static ConsumedRecord<Object, Object> record(Object value) {
        return new ConsumedRecord<>("t", 0, 1, 1_000, TimestampType.CREATE_TIME, null, value, List.of());
    }

    static final class Handlers {

        final List<String> calls = new ArrayList<>();

        @KafkaExHandler(isDefault = true)
        void any(Object value) {
            calls.add("any:" + value);
        }

        @KafkaExHandler
        void number(Number value) {
            calls.add("number:" + value);
        }

        @KafkaExHandler
        void integer(Integer value) {
            calls.add("integer:" + value);
        }
    }
}
