package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.ssl}: TLS key and trust material, directly or through a Spring SSL bundle. Part of {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class SslProperties {
}
