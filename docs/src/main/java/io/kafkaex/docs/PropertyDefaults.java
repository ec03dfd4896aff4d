package io.kafkaex.docs;

import io.kafkaex.autoconfigure.KafkaExProperties;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The default of every {@code kafkaex.*} property, exactly as the code has it: a {@link KafkaExProperties} bound
 * from an empty configuration, read through its getters. The metadata alone lacks most defaults, because the
 * property classes take them from the core's constants.
 *
 * <p>Not thread-safe: one thread at a time.
 */
final class PropertyDefaults {

    private static final String PREFIX = "kafkaex";

    private final BeanWrapper defaults;

    PropertyDefaults() {
        this.defaults = new BeanWrapperImpl(new Binder().bindOrCreate(PREFIX, KafkaExProperties.class));
    }

    /** Whether the property is one of {@link KafkaExProperties}' (other properties of the starter are not). */
    boolean covers(String propertyName) {
        return propertyName.startsWith(PREFIX + ".");
    }

    /** The property's default value ({@code null} when unset). */
    Object value(String propertyName) {
        return defaults.getPropertyValue(beanPath(propertyName));
    }

    /** The Java type of the property. */
    Class<?> type(String propertyName) {
        return defaults.getPropertyType(beanPath(propertyName));
    }

    /** {@code kafkaex.listener.error-handler.max-attempts} → {@code listener.errorHandler.maxAttempts}. */
    private static String beanPath(String propertyName) {
        return Arrays.stream(propertyName.substring(PREFIX.length() + 1).split("\\."))
                .map(PropertyDefaults::camelCase)
                .collect(Collectors.joining("."));
    }

    private static String camelCase(String dashed) {
        StringBuilder camel = new StringBuilder(dashed.length());
        boolean upper = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
