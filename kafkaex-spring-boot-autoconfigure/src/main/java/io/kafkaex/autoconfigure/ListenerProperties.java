package io.kafkaex.autoconfigure;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Properties under {@code kafkaex.listener}: listener containers (commit mode, concurrency, error handling). Part of
 * {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class ListenerProperties {

    @NestedConfigurationProperty
    private final ListenerErrorHandlerProperties errorHandler = new ListenerErrorHandlerProperties();

    public ListenerErrorHandlerProperties getErrorHandler() {
        return errorHandler;
    }
}
