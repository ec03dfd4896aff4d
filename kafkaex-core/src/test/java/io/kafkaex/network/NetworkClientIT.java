package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.message.MetadataRequest;
import io.kafkaex.protocol.message.MetadataResponse;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The event loop against a real broker: version negotiation, parsed responses, pipelining under load. */
@KafkaExBroker
class NetworkClientIT {

    private static final String TOPIC = "network-client-it";

    @Test
    void negotiatesVersionsAndReadsMetadataAtTheHighestCommonVersion(KafkaTestCluster cluster) throws Exception {
        cluster.createTopic(TOPIC, 2, 1);
        try (NetworkClient client = new NetworkClient(NetworkOptions.defaults("network-it"))) {
            InetSocketAddress broker = address(cluster);
            BrokerApiVersions versions = client.apiVersions(broker).get(30, TimeUnit.SECONDS);
            short metadataVersion = versions.negotiate(ApiKey.METADATA);
            assertThat(metadataVersion).isGreaterThanOrEqualTo((short) 12);

            MetadataResponse response = client.send(broker, TrafficClass.OTHER, new RequestSpec<>(ApiKey.METADATA,
                    version -> new MetadataRequest().setTopics(List.of(new MetadataRequest.MetadataRequestTopic().setName(TOPIC))),
                    MetadataResponse::read, Duration.ofSeconds(10))).get(30, TimeUnit.SECONDS);

            assertThat(response.topics()).singleElement().satisfies(topic -> {
                assertThat(topic.name()).isEqualTo(TOPIC);
                assertThat(topic.partitions()).hasSize(2);
            });
            assertThat(response.brokers()).singleElement().satisfies(b -> assertThat(b.port()).isEqualTo(broker.getPort()));
        }
    }

    @Test
    void aThousandConcurrentRequestsFromTwentyThreadsAllComplete(KafkaTestCluster cluster) throws Exception {
        int threadsBefore = networkThreads();
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try (NetworkClient client = new NetworkClient(NetworkOptions.defaults("network-load-it"))) {
            InetSocketAddress broker = address(cluster);
            List<CompletableFuture<MetadataResponse>> responses = new ArrayList<>();
            List<CompletableFuture<Void>> submitted = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                TrafficClass traffic = TrafficClass.values()[i % TrafficClass.values().length];
                CompletableFuture<MetadataResponse> response = new CompletableFuture<>();
                responses.add(response);
                submitted.add(CompletableFuture.runAsync(() -> client.send(broker, traffic,
                        NetworkClientFaultTest.metadataSpec(Duration.ofSeconds(30))).whenComplete((r, e) -> {
                            if (e != null) {
                                response.completeExceptionally(e);
                            } else {
                                response.complete(r);
                            }
                        }), callers));
            }
            CompletableFuture.allOf(submitted.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(responses).allSatisfy(r -> assertThat(r.join().brokers()).hasSize(1));
        } finally {
            callers.shutdownNow();
        }
        assertThat(networkThreads()).isEqualTo(threadsBefore);
    }

    @Test
    void idleConnectionsCloseAndTheNextRequestReconnects(KafkaTestCluster cluster) throws Exception {
        NetworkOptions shortIdle = new NetworkOptions("idle-it", NetworkOptions.DEFAULT_MAX_FRAME_BYTES, 5,
                Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofMillis(300));
        try (NetworkClient client = new NetworkClient(shortIdle)) {
            InetSocketAddress broker = address(cluster);
            client.send(broker, TrafficClass.OTHER, NetworkClientFaultTest.metadataSpec(Duration.ofSeconds(10))).get(30, TimeUnit.SECONDS);
            assertThat(client.connectionCount()).isEqualTo(1);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (client.connectionCount() > 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(50);
            }
            assertThat(client.connectionCount()).as("connection closed after 300 ms idle").isZero();

            assertThat(client.send(broker, TrafficClass.OTHER, NetworkClientFaultTest.metadataSpec(Duration.ofSeconds(10)))
                    .get(30, TimeUnit.SECONDS).brokers()).hasSize(1);
        }
    }

    private static int networkThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("kafkaex-network-") && t.isAlive()).count();
    }

    private static InetSocketAddress address(KafkaTestCluster cluster) {
        String[] hostPort = cluster.bootstrapServers().split(",")[0].split(":");
        return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    }
}
