package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.template}: the KafkaExTemplate. Part of {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class TemplateProperties {
}
