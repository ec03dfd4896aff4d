package io.kafkaex.docs.samples.testing;

import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import org.junit.jupiter.api.Test;

/** A test on the broker shared by every test class of the JVM. Compiled only. */
// tag::shared-broker[]
@KafkaExBroker
class SharedBrokerIT {
    @Test
    void sendsOrders(KafkaTestCluster kafka) {
        kafka.createTopic("orders", 3, 1);
        String bootstrap = kafka.bootstrapServers();
        // ...
    }
}
// end::shared-broker[]
