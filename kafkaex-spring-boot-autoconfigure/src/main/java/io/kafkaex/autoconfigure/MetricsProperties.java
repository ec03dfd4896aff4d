package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.metrics}: Micrometer meters. Part of {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class MetricsProperties {
}
