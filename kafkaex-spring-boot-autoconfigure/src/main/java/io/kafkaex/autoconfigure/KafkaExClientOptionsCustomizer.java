package io.kafkaex.autoconfigure;

import io.kafkaex.client.KafkaExClientOptions;

/**
 * Adjusts the options of every KafkaEx client the auto-configuration creates (the admin client, the template's
 * producer, each listener member), after {@code kafkaex.*} properties were applied. Beans of this type are applied in
 * {@link org.springframework.core.Ordered} order, on the thread that creates the client.
 */
@FunctionalInterface
public interface KafkaExClientOptionsCustomizer {

    void customize(KafkaExClientOptions.Builder builder);
}
