package io.kafkaex.docs.samples.testing;

import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExCluster;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A test with a three-broker cluster of its own. Compiled only. */
// tag::own-cluster[]
@KafkaExCluster(brokers = 3)
class FailoverIT {
    @Test
    void survivesALeaderCrash(KafkaTestCluster kafka) {
        kafka.createTopic("payments", 1, 3, Map.of("min.insync.replicas", "2"));
        int leader = kafka.metadata("payments").partition("payments", 0).orElseThrow().leader();
        kafka.killBroker(leader);      // SIGKILL; stopBroker(id) is a clean SIGTERM
        // ... keep producing; kafka.startBroker(leader) brings it back with its data
    }
}
// end::own-cluster[]
