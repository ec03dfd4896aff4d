package io.kafkaex.spring.listener;

import io.kafkaex.spring.serialization.ByteArrayDeserializer;
import io.kafkaex.spring.serialization.Deserializer;
import io.kafkaex.spring.serialization.IntegerDeserializer;
import io.kafkaex.spring.serialization.JsonDeserializer;
import io.kafkaex.spring.serialization.LongDeserializer;
import io.kafkaex.spring.serialization.StringDeserializer;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.ObjectMapper;

/**
 * Chooses the deserializer of a listener's keys or values: the configured class ({@code kafkaex.consumer.key-/value-
 * deserializer}, created through the bean factory) when set, else by the parameter's type: String, byte[], Long,
 * Integer, else JSON through the application's Jackson mapper. Thread-safe.
 */
public final class DeserializerFactory {

    private final Function<Class<?>, Object> beanCreator;
    private final Supplier<ObjectMapper> jsonMapper;
    private final List<String> trustedPackages;

    /**
     * @param beanCreator creates (and autowires) an instance of a configured deserializer class
     * @param jsonMapper the application's Jackson mapper, asked only when a JSON deserializer is needed
     * @param trustedPackages {@code kafkaex.consumer.json-trusted-packages}
     */
    public DeserializerFactory(Function<Class<?>, Object> beanCreator, Supplier<ObjectMapper> jsonMapper,
            List<String> trustedPackages) {
        this.beanCreator = beanCreator;
        this.jsonMapper = jsonMapper;
        this.trustedPackages = List.copyOf(trustedPackages);
    }

    /** The deserializer for values of {@code target}, or an instance of {@code configured} when it is set. */
    public Deserializer<?> create(ResolvableType target, Class<? extends Deserializer<?>> configured) {
        if (configured != null) {
            return (Deserializer<?>) beanCreator.apply(configured);
        }
        Class<?> type = target.toClass();
        if (type == String.class) {
            return new StringDeserializer();
        }
        if (type == byte[].class) {
            return new ByteArrayDeserializer();
        }
        if (type == Long.class || type == long.class) {
            return new LongDeserializer();
        }
        if (type == Integer.class || type == int.class) {
            return new IntegerDeserializer();
        }
        ObjectMapper mapper = jsonMapper.get();
        if (mapper == null) {
            throw new IllegalStateException("A listener reads " + target + " as JSON but the application has no Jackson "
                    + "JsonMapper bean: add spring-boot-jackson, or set kafkaex.consumer.value-deserializer");
        }
        return new JsonDeserializer<>(mapper, mapper.constructType(target.getType()), trustedPackages);
    }
}
