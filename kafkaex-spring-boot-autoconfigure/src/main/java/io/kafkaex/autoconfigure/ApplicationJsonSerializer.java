package io.kafkaex.autoconfigure;

import io.kafkaex.spring.serialization.JsonSerializer;
import io.kafkaex.spring.serialization.Serializer;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the application's Jackson {@link JsonMapper} bean for the by-type serializer. Only this class names Jackson
 * types, and it is only loaded when Jackson is on the classpath. Called on the thread that creates the serializer
 * beans.
 */
final class ApplicationJsonSerializer {

    private static final String JSON_MAPPER_CLASS = "tools.jackson.databind.json.JsonMapper";

    private ApplicationJsonSerializer() {
    }

    /** A JSON serializer with the application's mapper, or {@code null} without Jackson or without a unique mapper bean. */
    static Serializer<Object> find(ListableBeanFactory beanFactory) {
        if (!ClassUtils.isPresent(JSON_MAPPER_CLASS, ApplicationJsonSerializer.class.getClassLoader())) {
            return null;
        }
        return Jackson.serializer(beanFactory);
    }

    /** Holds the references to Jackson types, so that they resolve only when Jackson is present. */
    private static final class Jackson {

        static Serializer<Object> serializer(ListableBeanFactory beanFactory) {
            JsonMapper mapper = beanFactory.getBeanProvider(JsonMapper.class).getIfUnique();
            return mapper == null ? null : new JsonSerializer<>(mapper);
        }
    }
}
