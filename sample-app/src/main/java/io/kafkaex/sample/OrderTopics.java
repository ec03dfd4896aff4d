package io.kafkaex.sample;

import io.kafkaex.client.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sample's topics, declared as {@link NewTopic} beans: KafkaEx creates them at start-up when they are missing,
 * before the listeners start. The dead-letter topic gets as many partitions as the orders topic, so a failed record
 * keeps its partition. Replication follows the broker's default.
 */
@Configuration(proxyBeanMethods = false)
public class OrderTopics {

    /** Orders placed through {@link OrderController}. */
    public static final String ORDERS = "orders";

    /** Orders the processing listener failed on, after its retries (the error handler's default suffix). */
    public static final String ORDERS_DEAD_LETTERS = "orders.DLT";

    private static final int PARTITIONS = 3;

    @Bean
    NewTopic ordersTopic() {
        return NewTopic.of(ORDERS).withPartitions(PARTITIONS);
    }

    @Bean
    NewTopic ordersDeadLetterTopic() {
        return NewTopic.of(ORDERS_DEAD_LETTERS).withPartitions(PARTITIONS);
    }
}
