package io.kafkaex.autoconfigure;

import io.kafkaex.producer.ProducerOptions;

/**
 * Adjusts the options of every producer the auto-configuration creates, after {@code kafkaex.producer.*} were applied.
 * Beans of this type are applied in {@link org.springframework.core.Ordered} order, on the thread that creates the
 * producer.
 */
@FunctionalInterface
public interface KafkaExProducerOptionsCustomizer {

    void customize(ProducerOptions.Builder builder);
}
