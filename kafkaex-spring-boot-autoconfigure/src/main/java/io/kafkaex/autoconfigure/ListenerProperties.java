package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.listener}: listener containers (commit mode, concurrency, error handling). Part of {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class ListenerProperties {
}
