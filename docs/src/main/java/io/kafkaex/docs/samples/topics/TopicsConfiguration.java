package io.kafkaex.docs.samples.topics;

import io.kafkaex.client.NewTopic;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Topics declared as beans, created at start-up. */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    // tag::declared-topics[]
    @Bean
    NewTopic orders() {
        return NewTopic.of("orders").withPartitions(6).withReplicationFactor(3)
                .withConfigs(Map.of("retention.ms", "604800000"));
    }

    @Bean
    NewTopic ordersDeadLetters() {
        return NewTopic.of("orders.DLT").withPartitions(6).withReplicationFactor(3);
    }
    // end::declared-topics[]
}
