package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.health}: the actuator health indicator. Part of {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class HealthProperties {
}
