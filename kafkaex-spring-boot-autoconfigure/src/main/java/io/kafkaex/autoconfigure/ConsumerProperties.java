package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.consumer}: the consumer-group members behind listener containers. Part of {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class ConsumerProperties {
}
