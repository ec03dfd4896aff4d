package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.security}: how connections are secured. Part of {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class SecurityProperties {
}
