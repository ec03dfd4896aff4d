package io.kafkaex.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.test.internal.NodePorts;
import io.kafkaex.test.internal.WireClient;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A broker built with an advertised port names that port to clients in its metadata while it keeps listening on
 * its own, so a proxy bound there sits between the broker and every client that read the metadata.
 */
class AdvertisedPortIT {

    @Test
    void theBrokerAdvertisesThePortItWasGivenAndListensOnItsOwn() throws Exception {
        try (ServerSocket proxyStandIn = new ServerSocket(0, 1, InetAddress.getByName(NodePorts.HOST));
             KafkaTestCluster cluster = KafkaTestCluster.builder()
                     .advertisedPort(1, BrokerListener.PLAINTEXT, proxyStandIn.getLocalPort()).start()) {
            int ownPort = Integer.parseInt(cluster.bootstrapServers().split(":")[1]);
            assertThat(ownPort).isNotEqualTo(proxyStandIn.getLocalPort());

            try (WireClient client = WireClient.connect(NodePorts.HOST, ownPort, null, 10_000)) {
                assertThat(client.metadata(List.of()).brokers())
                        .containsExactly(new ClusterMetadata.Broker(1, NodePorts.HOST, proxyStandIn.getLocalPort()));
            }
        }
    }
}
