package io.kafkaex.docs.samples.gettingstarted;

import io.kafkaex.client.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The getting-started guide's topics, created at start-up. */
// tag::topics[]
@Configuration
class Topics {

    @Bean
    NewTopic orders() {
        return NewTopic.of("orders").withPartitions(3).withReplicationFactor(1);
    }

    @Bean
    NewTopic ordersDeadLetters() {
        return NewTopic.of("orders.DLT").withPartitions(3).withReplicationFactor(1);
    }
}
// end::topics[]
