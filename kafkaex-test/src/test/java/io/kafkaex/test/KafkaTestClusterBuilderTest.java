package io.kafkaex.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the builder refuses before it starts anything. */
class KafkaTestClusterBuilderTest {

    @Test
    void anAdvertisedPortMustBeATcpPort() {
        assertThatThrownBy(() -> KafkaTestCluster.builder().advertisedPort(1, BrokerListener.PLAINTEXT, 70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 65535, not 70000");
    }

    @Test
    void anAdvertisedPortForABrokerTheClusterDoesNotHaveIsRefused() {
        KafkaTestCluster.Builder builder = KafkaTestCluster.builder().brokers(2)
                .advertisedPort(3, BrokerListener.PLAINTEXT, 9_999);

        assertThatThrownBy(builder::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broker 3, but this cluster has brokers 1..2");
    }

    @Test
    void anAdvertisedPortForAListenerTheClusterDoesNotHaveIsRefused() {
        KafkaTestCluster.Builder builder = KafkaTestCluster.builder().advertisedPort(1, BrokerListener.SSL, 9_999);

        assertThatThrownBy(builder::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the SSL listener, but this cluster has [PLAINTEXT]");
    }
}
