package io.kafkaex.spring.listener;

import io.kafkaex.spring.annotation.KafkaExHandler;

import java.lang.reflect.Method;
import java.util.List;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The invoker of a class-level {@code @KafkaExListener}: values are read as JSON typed by their type header (for
 * classes in {@code kafkaex.consumer.json-trusted-packages}), or with the configured deserializer, and each record goes
 * to the {@code @KafkaExHandler} whose payload type fits the value most closely, else to the {@code isDefault} handler
 * (which only gets what no other handler takes). Thread-safe.
 */
final class HandlerDispatcher implements ListenerInvoker {

    private final List<ListenerMethod> handlers;
    private final ListenerMethod fallback;

    HandlerDispatcher(Object bean, List<Method> methods) {
        this.handlers = methods.stream().map(method -> new ListenerMethod(bean, method, false)).toList();
        this.fallback = handlers.stream().filter(handler -> AnnotatedElementUtils
                .findMergedAnnotation(handler.method(), KafkaExHandler.class).isDefault()).findFirst().orElse(null);
    }

    @Override
    public ResolvableType keyType() {
        return handlers.get(0).keyType();
    }

    /** {@code Object}: the type header decides, so that each handler can get its own type. */
    @Override
    public ResolvableType payloadType() {
        return ResolvableType.forClass(Object.class);
    }

    @Override
    public Object invoke(List<ConsumedRecord<Object, Object>> records, Acknowledgment acknowledgment, String groupId)
            throws InvocationFailure {
        Object value = records.get(0).value();
        ListenerMethod chosen = mostSpecificFor(value);
        if (chosen != null) {
            return chosen.invoke(records, acknowledgment, groupId);
        }
        if (fallback == null) {
            throw new InvocationFailure(new IllegalStateException("No @KafkaExHandler of " + handlers.get(0).method()
                    .getDeclaringClass().getName() + " takes a " + (value == null ? "null value" : value.getClass()
                    .getName()) + "; add one, or mark one @KafkaExHandler(isDefault = true)"));
        }
        return fallback.invoke(records, acknowledgment, groupId);
    }

    /**
     * The non-default handler whose payload type fits {@code value} most closely (an {@code Integer} handler before a
     * {@code Number} one, whatever order reflection lists them in), or {@code null}.
     */
    private ListenerMethod mostSpecificFor(Object value) {
        if (value == null) {
            return null;
        }
        ListenerMethod chosen = null;
        for (ListenerMethod handler : handlers) {
            Class<?> type = handler.payloadType().toClass();
            if (handler != fallback && type.isInstance(value)
                    && (chosen == null || chosen.payloadType().toClass().isAssignableFrom(type))) {
                chosen = handler;
            }
        }
        return chosen;
    }
}
