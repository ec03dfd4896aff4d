package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.KafkaExException;
import io.kafkaex.cluster.BootstrapException;
import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client's lifecycle, metadata and topic administration against a real broker. */
@KafkaExBroker
class KafkaExClientIT {

    @Test
    void metadataIsFetchedCachedAndTheApiVersionsNegotiated(KafkaTestCluster cluster) {
        try (KafkaExClient client = client(cluster.bootstrapServers())) {
            assertThat(client.clusterMetadata()).isNull();

            ClusterMetadata metadata = client.metadataSync();

            assertThat(metadata.nodes()).singleElement().satisfies(node -> assertThat(node.id()).isEqualTo(1));
            assertThat(client.clusterMetadata()).isNotNull();
            assertThat(client.apiVersionsSync().negotiate(ApiKey.METADATA)).isGreaterThanOrEqualTo((short) 12);
        }
    }

    @Test
    void createsDescribesAndDeletesTopicsReportingPerTopicErrorsAsResults(KafkaTestCluster cluster) {
        try (KafkaExClient client = client(cluster.bootstrapServers())) {
            NewTopic orders = NewTopic.of("client-it-orders").withPartitions(3).withReplicationFactor(1)
                    .withConfigs(Map.of("retention.ms", "86400000"));

            assertThat(client.createTopicSync(orders).isSuccess()).isTrue();
            assertThat(client.clusterMetadata().partitionCount("client-it-orders")).as("metadata refreshed after create").hasValue(3);
            assertThat(client.metadataSync(List.of("client-it-orders")).partitionCount("client-it-orders")).hasValue(3);

            TopicsResult again = client.createTopicSync(orders);
            assertThat(again.isSuccess()).isFalse();
            assertThat(again.failedTopics()).singleElement()
                    .satisfies(failure -> assertThat(failure.error()).isEqualTo(KafkaError.TOPIC_ALREADY_EXISTS));

            assertThat(client.createTopicsSync(List.of(NewTopic.of("client-it-validated")), Duration.ofSeconds(10), true)
                    .isSuccess()).isTrue();
            assertThat(client.createTopicSync(NewTopic.of("client-it-defaults")).isSuccess()).isTrue();
            assertThat(client.metadataSync().partitionCount("client-it-validated")).as("validate-only creates nothing").isEmpty();
            assertThat(client.clusterMetadata().partitionCount("client-it-defaults")).as("broker default partitions").hasValue(1);

            assertThat(client.deleteTopicSync("client-it-orders").isSuccess()).isTrue();
            assertThat(client.clusterMetadata().topic("client-it-orders")).as("metadata refreshed after delete").isEmpty();
            assertThat(client.deleteTopicSync("client-it-never-existed").failedTopics()).singleElement()
                    .satisfies(failure -> assertThat(failure.error()).isEqualTo(KafkaError.UNKNOWN_TOPIC_OR_PARTITION));
        }
    }

    @Test
    void resultsArriveOffTheNetworkThreadOnTheCallbackExecutor(KafkaTestCluster cluster) throws Exception {
        try (KafkaExClient client = client(cluster.bootstrapServers())) {
            String thread = client.metadata().thenApply(ignored -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);
            assertThat(thread).startsWith("kafkaex-callbacks-client-it-");
        }
        ExecutorService given = Executors.newSingleThreadExecutor(task -> new Thread(task, "given-callbacks"));
        try (KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers())
                .clientId("client-it-given").callbackExecutor(given).build())) {
            String thread = client.metadata().thenApply(ignored -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);
            assertThat(thread).isEqualTo("given-callbacks");
        }
        assertThat(given.isShutdown()).as("a given executor belongs to its owner").isFalse();
        given.shutdown();
    }

    @Test
    void unreachableClusterFailsEveryOperationWithEveryAddressTried() throws Exception {
        String first = "127.0.0.1:" + unusedPort();
        String second = "127.0.0.1:" + unusedPort();
        try (KafkaExClient client = client(first + "," + second)) {
            assertThatThrownBy(client::metadataSync).isInstanceOf(BootstrapException.class)
                    .hasMessageContaining(first).hasMessageContaining(second);
            assertThatThrownBy(() -> client.produceOneSync("orders", 0, ProduceRecord.of(null, new byte[] {1}), ProduceOptions.defaults()))
                    .isInstanceOf(BootstrapException.class).hasMessageContaining(first).hasMessageContaining(second);
            assertThatThrownBy(() -> client.fetchSync("orders", 0, 0, FetchOptions.defaults()))
                    .isInstanceOf(BootstrapException.class).hasMessageContaining(first).hasMessageContaining(second);
        }
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return unused.getLocalPort();
        }
    }

    @Test
    void closingTheClientEndsACallThatWaitsOnItsRetryBackoff(KafkaTestCluster cluster) throws Exception {
        KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers())
                .clientId("client-it-closing").maxRetries(1_000).retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)).build());
        CompletableFuture<RecordMetadata> retrying = client.produceOne("client-it-never-created", 0, new byte[] {1});
        Thread.sleep(1_500); // a second attempt, then waiting on the backoff before the third
        assertThat(retrying).as("unknown topics are retried (the topic may be being created)").isNotDone();

        client.close();

        assertThat(retrying).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingRootCause()
                .isInstanceOf(KafkaExException.class).withMessageContaining("client-it-closing");
    }

    private static KafkaExClient client(String bootstrapServers) {
        return KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(bootstrapServers).clientId("client-it")
                .requestTimeout(Duration.ofSeconds(10)).build());
    }
}
