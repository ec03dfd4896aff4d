package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.producer}: the producer behind the template. Part of {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class ProducerProperties {
}
