package io.kafkaex.spring.listener;

import io.kafkaex.spring.listener.ListenerInvoker.InvocationFailure;
import io.kafkaex.spring.support.KafkaExHeaders;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.util.ReflectionUtils;

/**
 * One listener method and how each of its parameters is bound: the converted payload (a {@code List} of them for a
 * batch), {@link ConsumedRecord} (or a {@code List} of them), {@link Acknowledgment}, or {@code @Header} (a
 * {@link KafkaExHeaders} receiving fact or a record header by name; a {@code List} of them for a batch). Immutable and
 * thread-safe.
 */
public final class ListenerMethod implements ListenerInvoker {

    private final Object bean;
    private final Method method;
    private final boolean batch;
    private final List<Binding> bindings;
    private final ResolvableType keyType;
    private final ResolvableType payloadType;

    /**
     * @param bean the bean to invoke it on
     * @param method the method, invocable on {@code bean} (its proxy's method when proxied)
     * @param batch whether it takes the whole batch
     * @throws IllegalStateException when a parameter cannot be bound, naming the method and the fix
     */
    public ListenerMethod(Object bean, Method method, boolean batch) {
        this.bean = bean;
        this.method = method;
        this.batch = batch;
        ReflectionUtils.makeAccessible(method);
        Binding[] found = new Binding[method.getParameterCount()];
        ResolvableType key = null;
        ResolvableType payload = null;
        boolean payloadSeen = false;
        for (int i = 0; i < found.length; i++) {
            MethodParameter parameter = new MethodParameter(method, i);
            ResolvableType type = ResolvableType.forMethodParameter(parameter);
            ResolvableType single = batch ? requireList(type, parameter) : type;
            Header header = parameter.getParameterAnnotation(Header.class);
            if (header != null) {
                String name = header.name().isEmpty() ? header.value() : header.name();
                found[i] = new Binding(Kind.HEADER, name, single.toClass());
                if (KafkaExHeaders.RECEIVED_KEY.equals(name)) {
                    key = single;
                }
            } else if (type.toClass() == Acknowledgment.class) {
                found[i] = new Binding(Kind.ACKNOWLEDGMENT, null, Acknowledgment.class);
            } else if (single.toClass() == ConsumedRecord.class) {
                found[i] = new Binding(Kind.RECORD, null, ConsumedRecord.class);
                key = key != null ? key : single.getGeneric(0);
                payload = payload != null ? payload : single.getGeneric(1);
            } else if (!payloadSeen) {
                found[i] = new Binding(Kind.PAYLOAD, null, single.toClass());
                payload = single;
                payloadSeen = true;
            } else {
                throw new IllegalStateException("@KafkaExListener method " + method + " has a second payload parameter "
                        + parameter.getParameterName() + "; annotate it with @Header or remove it");
            }
        }
        this.bindings = List.of(found);
        this.keyType = key == null || key.toClass() == Object.class ? ResolvableType.forClass(String.class) : key;
        this.payloadType = payload == null || payload.toClass() == Object.class && !payloadSeen
                ? ResolvableType.forClass(String.class) : payload;
    }

    private ResolvableType requireList(ResolvableType type, MethodParameter parameter) {
        if (type.toClass() == Acknowledgment.class) {
            return type;
        }
        if (!List.class.isAssignableFrom(type.toClass())) {
            throw new IllegalStateException("Batch @KafkaExListener method " + method + " takes " + type + " as "
                    + "parameter " + parameter.getParameterIndex() + "; a batch listener takes List<...> (payloads, "
                    + "ConsumedRecord or @Header values) and Acknowledgment");
        }
        return withResolvedType(type.asCollection().getGeneric(0));
    }

    /**
     * {@code type} with a {@link ResolvableType#getType()} that names its resolved classes: the element of a
     * {@code List<Order>} parameter is {@code Collection}'s variable {@code E} otherwise, which Jackson reads as Object.
     */
    private static ResolvableType withResolvedType(ResolvableType type) {
        if (!type.hasGenerics()) {
            return ResolvableType.forClass(type.toClass());
        }
        ResolvableType[] generics = type.getGenerics();
        for (int i = 0; i < generics.length; i++) {
            generics[i] = withResolvedType(generics[i]);
        }
        return ResolvableType.forClassWithGenerics(type.toClass(), generics);
    }

    @Override
    public ResolvableType keyType() {
        return keyType;
    }

    @Override
    public ResolvableType payloadType() {
        return payloadType;
    }

    public Method method() {
        return method;
    }

    @Override
    public Object invoke(List<ConsumedRecord<Object, Object>> records, Acknowledgment acknowledgment, String groupId)
            throws InvocationFailure {
        Object[] args = new Object[bindings.size()];
        for (int i = 0; i < args.length; i++) {
            Binding binding = bindings.get(i);
            args[i] = binding.kind == Kind.ACKNOWLEDGMENT ? acknowledgment
                    : batch ? records.stream().map(record -> binding.bind(record, groupId)).toList()
                    : binding.bind(records.get(0), groupId);
        }
        try {
            return method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            throw new InvocationFailure(e.getCause());
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new InvocationFailure(e);
        }
    }

    private enum Kind {
        PAYLOAD, RECORD, ACKNOWLEDGMENT, HEADER
    }

    /** How one parameter gets its value from one record. */
    private record Binding(Kind kind, String header, Class<?> type) {

        Object bind(ConsumedRecord<Object, Object> record, String groupId) {
            return switch (kind) {
                case PAYLOAD -> record.value();
                case RECORD -> record;
                case ACKNOWLEDGMENT -> throw new IllegalStateException("bound by the caller");
                case HEADER -> header(record, groupId);
            };
        }

        private Object header(ConsumedRecord<Object, Object> record, String groupId) {
            return switch (header) {
                case KafkaExHeaders.RECEIVED_KEY -> record.key();
                case KafkaExHeaders.RECEIVED_TOPIC -> record.topic();
                case KafkaExHeaders.RECEIVED_PARTITION -> record.partition();
                case KafkaExHeaders.OFFSET -> record.offset();
                case KafkaExHeaders.RECEIVED_TIMESTAMP -> record.timestamp();
                case KafkaExHeaders.TIMESTAMP_TYPE -> record.timestampType().name();
                case KafkaExHeaders.GROUP_ID -> groupId;
                default -> convertHeader(record.lastHeader(header));
            };
        }

        private Object convertHeader(byte[] value) {
            return value == null || type != String.class ? value : new String(value, StandardCharsets.UTF_8);
        }
    }
}
