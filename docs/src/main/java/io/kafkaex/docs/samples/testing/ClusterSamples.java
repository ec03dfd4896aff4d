package io.kafkaex.docs.samples.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.fault.MisbehavingBroker;
import io.kafkaex.test.fault.Misbehaviour;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The testing guide's programmatic clusters, the proxy port and the misbehaving broker. Compiled only. */
final class ClusterSamples {

    private ClusterSamples() {
    }

    static void programmatic() {
        // tag::programmatic[]
        try (KafkaTestCluster kafka = KafkaTestCluster.builder()
                .brokers(1)
                .version("3.9.1")                                   // default: -Dkafka.version, else 4.4.0
                .listeners(BrokerListener.PLAINTEXT, BrokerListener.SASL_SSL)
                .brokerProperty("auto.create.topics.enable", "false")
                .start()) {
            kafka.bootstrapServers(BrokerListener.SASL_SSL);
        }
        // end::programmatic[]
    }

    static void proxy() throws IOException {
        // tag::proxy[]
        try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             KafkaTestCluster kafka = KafkaTestCluster.builder()
                     .advertisedPort(1, BrokerListener.PLAINTEXT, proxy.getLocalPort())
                     .start()) {
            // forward what the proxy accepts to kafka.bootstrapServers(); clients bootstrap at the proxy
        }
        // end::proxy[]
    }

    static void misbehaving() {
        // tag::misbehaving[]
        try (MisbehavingBroker broker = MisbehavingBroker.start(Misbehaviour.WRONG_CORRELATION_ID)) {
            // point the client at broker.address() or broker.bootstrapServers()
            assertThat(broker.receivedApiKeys()).endsWith((short) 18, (short) 3); // ApiVersions, then Metadata
        }
        // end::misbehaving[]
    }
}
