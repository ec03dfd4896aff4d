package io.kafkaex.autoconfigure;

import io.kafkaex.spring.serialization.JsonSerializer;
import io.kafkaex.spring.serialization.Serializer;

import java.util.function.Supplier;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the application's Jackson {@link JsonMapper} bean for the template's by-type serializer, listener
 * deserializers and {@code @SendTo} replies. Only its nested class names Jackson types, and that class is only loaded
 * when Jackson is on the classpath, so applications without Jackson start. Called on the thread that creates the
 * KafkaEx beans; the mapper supplier on any thread.
 */
final class ApplicationJson {

    private static final String JSON_MAPPER_CLASS = "tools.jackson.databind.json.JsonMapper";

    private ApplicationJson() {
    }

    /** A JSON serializer with the application's mapper, or {@code null} without Jackson or without a unique mapper bean. */
    static Serializer<Object> serializer(ListableBeanFactory beanFactory) {
        return jacksonPresent() ? Jackson.serializer(beanFactory) : null;
    }

    /**
     * The application's unique mapper, looked up when first asked (a listener that needs JSON); the supplier gives
     * {@code null} without Jackson or without a unique mapper bean.
     */
    static <M> Supplier<M> mapper(ListableBeanFactory beanFactory) {
        return jacksonPresent() ? Jackson.mapper(beanFactory) : () -> null;
    }

    private static boolean jacksonPresent() {
        return ClassUtils.isPresent(JSON_MAPPER_CLASS, ApplicationJson.class.getClassLoader());
    }

    /** Holds the references to Jackson types, so that they resolve only when Jackson is present. */
    private static final class Jackson {

        static Serializer<Object> serializer(ListableBeanFactory beanFactory) {
            JsonMapper mapper = beanFactory.getBeanProvider(JsonMapper.class).getIfUnique();
            return mapper == null ? null : new JsonSerializer<>(mapper);
        }

        @SuppressWarnings("unchecked")
        static <M> Supplier<M> mapper(ListableBeanFactory beanFactory) {
            return () -> (M) beanFactory.getBeanProvider(JsonMapper.class).getIfUnique();
        }
    }
}
