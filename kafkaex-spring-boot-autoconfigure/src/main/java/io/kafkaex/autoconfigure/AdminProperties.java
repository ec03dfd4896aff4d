package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.admin}: the admin bean and topic creation at start-up. Part of {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class AdminProperties {
}
