package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.listener.error-handler}: retries of a failed listener invocation and the
 * dead-letter topic after them. Part of {@link ListenerProperties}; bound at start-up, read-only afterwards.
 */
public class ListenerErrorHandlerProperties {
}
