package io.kafkaex.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.test.junit.KafkaExBroker;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code @KafkaExBroker} test classes share one broker per JVM instead of starting one each. */
@KafkaExBroker
class SharedBrokerIT {

    private static final AtomicReference<KafkaTestCluster> FIRST = new AtomicReference<>();

    @Test
    void providesARunningBroker(KafkaTestCluster cluster) {
        FIRST.set(cluster);
        assertThat(cluster.brokerIds()).containsExactly(1);
        assertThat(cluster.isRunning(1)).isTrue();
        assertThat(cluster.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Nested
    @KafkaExBroker
    class AnotherTestClass {

        @Test
        void getsTheSameBroker(KafkaTestCluster cluster) {
            assertThat(FIRST.get()).as("outer test ran first").isNotNull();
            assertThat(cluster).isSameAs(FIRST.get());
        }

        @Test
        void canCreateAndDescribeATopic(KafkaTestCluster cluster) {
            cluster.createTopic("shared-broker-topic", 3, 1);
            ClusterMetadata metadata = cluster.metadata("shared-broker-topic");
            assertThat(metadata.topicErrors()).isEmpty();
            assertThat(metadata.partitions()).hasSize(3).allSatisfy(p -> assertThat(p.leader()).isEqualTo(1));
        }
    }
}
