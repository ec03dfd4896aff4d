package io.kafkaex.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.NetworkOptions;
import io.kafkaex.test.KafkaTestCluster;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The metadata manager against a broker of its own: bootstrap, refresh on demand and periodically, outages. */
class MetadataManagerIT {

    @Test
    void bootstrapsRefreshesOnDemandAndPeriodicallyAndRecoversAfterAnOutage() throws Exception {
        try (KafkaTestCluster cluster = KafkaTestCluster.builder().start();
                NetworkClient network = new NetworkClient(NetworkOptions.defaults("metadata-it"))) {
            MetadataManager manager = manager(network, cluster.bootstrapServers(), Duration.ofMillis(500));
            cluster.createTopic("before", 2, 1);

            ClusterMetadata first = manager.metadata().get(30, TimeUnit.SECONDS);
            assertThat(first.partitionCount("before")).hasValue(2);
            assertThat(manager.current()).isSameAs(first);

            cluster.createTopic("on-demand", 1, 1);
            assertThat(manager.requestUpdate(RefreshReason.UNKNOWN_TOPIC).get(30, TimeUnit.SECONDS)
                    .partitionCount("on-demand")).hasValue(1);

            cluster.createTopic("periodic", 3, 1);
            awaitTopic(manager, "periodic");

            cluster.stopBroker(1);
            assertThatThrownBy(() -> manager.requestUpdate(RefreshReason.DISCONNECT).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(BootstrapException.class);
            assertThat(manager.current().partitionCount("periodic")).as("last snapshot kept").hasValue(3);

            cluster.startBroker(1);
            cluster.createTopic("after-outage", 1, 1);
            awaitTopic(manager, "after-outage");
        }
    }

    @Test
    void brokerDownAtStartFailsWithEveryAddressTried() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        try (NetworkClient network = new NetworkClient(NetworkOptions.defaults("metadata-down-it"))) {
            MetadataManager manager = manager(network, "127.0.0.1:" + port, Duration.ofMinutes(5));

            assertThatThrownBy(() -> manager.metadata().get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(BootstrapException.class).hasMessageContaining("127.0.0.1:" + port);
            assertThat(manager.current()).isNull();
        }
    }

    private static MetadataManager manager(NetworkClient network, String servers, Duration refreshInterval) {
        Bootstrap bootstrap = new Bootstrap(network, BootstrapServer.parseList(servers), Duration.ofSeconds(5),
                System::currentTimeMillis);
        return new MetadataManager(network, bootstrap,
                new MetadataRefreshPolicy(refreshInterval, Duration.ofMillis(50), System::currentTimeMillis),
                Duration.ofSeconds(5), System::currentTimeMillis);
    }

    /** Waits, without asking for a refresh, until a periodic refresh shows {@code topic}. */
    private static void awaitTopic(MetadataManager manager, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (manager.current() == null || manager.current().partitionCount(topic).isEmpty()) {
            assertThat(System.nanoTime() - deadline).as("periodic refresh shows %s", topic).isNegative();
            Thread.sleep(100);
        }
    }
}
