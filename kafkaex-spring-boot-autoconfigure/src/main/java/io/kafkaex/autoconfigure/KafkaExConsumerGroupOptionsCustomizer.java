package io.kafkaex.autoconfigure;

import io.kafkaex.consumer.ConsumerGroupOptions;

/**
 * Adjusts the options of every consumer-group member a listener container starts, after {@code kafkaex.consumer.*}
 * were applied; the listener's own attributes (commit mode, {@code properties} entries, fixed partitions) and the
 * worker threads are applied after it, so they win. Beans of this type are applied in
 * {@link org.springframework.core.Ordered} order, on the thread that starts the container.
 */
@FunctionalInterface
public interface KafkaExConsumerGroupOptionsCustomizer {

    /**
     * @param listenerId the id of the listener whose member this is
     * @param builder its options
     */
    void customize(String listenerId, ConsumerGroupOptions.Builder builder);
}
