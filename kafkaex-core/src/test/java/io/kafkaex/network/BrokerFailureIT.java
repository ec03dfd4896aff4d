package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafkaex.client.FetchOptions;
import io.kafkaex.client.FetchResult;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.ProduceOptions;
import io.kafkaex.client.ProduceRecord;
import io.kafkaex.client.RecordMetadata;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.RetriableKafkaErrorException;
import io.kafkaex.protocol.message.FetchRequest;
import io.kafkaex.protocol.message.FetchResponse;
import io.kafkaex.protocol.message.MetadataRequest;
import io.kafkaex.protocol.message.MetadataResponse;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.test.KafkaTestCluster;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A broker of its own is killed while a long-polling Fetch is in flight, first under the network client, then
 * under a {@link KafkaExClient}: the future fails with a disconnect error well before its deadline, and once
 * the broker is back the client reconnects.
 */
class BrokerFailureIT {

    private static final String TOPIC = "broker-failure-it";

    @Test
    void killedBrokerFailsInFlightRequestsAndTheClientReconnectsWhenItIsBack() throws Exception {
        try (KafkaTestCluster cluster = KafkaTestCluster.builder().start();
                NetworkClient client = new NetworkClient(NetworkOptions.defaults("failure-it"))) {
            cluster.createTopic(TOPIC, 1, 1);
            InetSocketAddress broker = new InetSocketAddress("127.0.0.1",
                    Integer.parseInt(cluster.bootstrapServers().split(":")[1]));
            UUID topicId = metadata(client, broker).topics().get(0).topicId();
            awaitLeadership(client, broker, topicId); // else the broker answers the long poll at once: NOT_LEADER

            CompletableFuture<FetchResponse> longPoll = client.send(broker, TrafficClass.FETCH, new RequestSpec<>(ApiKey.FETCH,
                    version -> emptyTopicFetch(version, topicId, 30_000), FetchResponse::read, Duration.ofSeconds(60)));
            Thread.sleep(500); // let the fetch reach the broker and park there
            assertThat(longPoll).isNotDone();

            long killedAt = System.nanoTime();
            cluster.killBroker(1);
            assertThatThrownBy(() -> longPoll.get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(BrokerConnectionException.class).hasMessageContaining("127.0.0.1:" + broker.getPort());
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(20));

            cluster.startBroker(1);
            assertThat(metadata(client, broker).topics()).singleElement()
                    .satisfies(topic -> assertThat(topic.name()).isEqualTo(TOPIC));
        }
    }

    @Test
    void killedBrokerFailsTheClientsInFlightFetchWithADisconnectErrorAndTheClientWorksAgainWhenItIsBack() throws Exception {
        Duration requestTimeout = Duration.ofSeconds(10);
        try (KafkaTestCluster cluster = KafkaTestCluster.builder().start();
                KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder()
                        .bootstrapServers(cluster.bootstrapServers()).clientId("failure-client-it").requestTimeout(requestTimeout).build())) {
            cluster.createTopic(TOPIC, 1, 1);
            client.produceOneSync(TOPIC, 0, ProduceRecord.of(null, bytes("before")), ProduceOptions.defaults());
            assertThat(client.fetchSync(TOPIC, 0, 0, FetchOptions.defaults().withMaxWait(Duration.ZERO)).records())
                    .as("fetch connection ready").hasSize(1);

            FetchOptions longPoll = FetchOptions.defaults().withMaxWait(Duration.ofSeconds(30));
            CompletableFuture<FetchResult> waitingForData = client.fetch(TOPIC, 0, 1, longPoll);
            cluster.killBroker(1);

            Duration deadline = requestTimeout.plus(longPoll.maxWait());
            assertThatThrownBy(() -> waitingForData.get(deadline.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(BrokerConnectionException.class)
                    .hasMessageContaining(cluster.bootstrapServers());

            cluster.startBroker(1);
            RecordMetadata after = produceOnceTheBrokerLeadsAgain(client);
            FetchResult stored = client.fetchSync(TOPIC, 0, 0, FetchOptions.defaults().withMaxWait(Duration.ZERO));
            assertThat(stored.records()).extracting(Record::offset, record -> text(record.value()))
                    .startsWith(tuple(0L, "before")).contains(tuple(after.baseOffset(), "after"));
        }
    }

    /** After a restart the broker takes a moment to lead its partition again; until then produce fails retriably. */
    private static RecordMetadata produceOnceTheBrokerLeadsAgain(KafkaExClient client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return client.produceOneSync(TOPIC, 0, ProduceRecord.of(null, bytes("after")), ProduceOptions.defaults());
            } catch (RetriableKafkaErrorException | BrokerConnectionException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }

    /** A Fetch that waits up to 30 s for data on an empty partition: by topic name up to v12, by id after. */
    /** Fetches without waiting until the broker serves the partition (a new topic's leadership takes a moment). */
    private static void awaitLeadership(NetworkClient client, InetSocketAddress broker, UUID topicId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            FetchResponse answer = client.send(broker, TrafficClass.FETCH, new RequestSpec<>(ApiKey.FETCH,
                    version -> emptyTopicFetch(version, topicId, 0), FetchResponse::read, Duration.ofSeconds(10)))
                    .get(30, TimeUnit.SECONDS);
            short error = answer.responses().get(0).partitions().get(0).errorCode();
            if (error == 0) {
                return;
            }
            assertThat(System.nanoTime()).as("partition served before the deadline; last error code " + error)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static FetchRequest emptyTopicFetch(short version, UUID topicId, int maxWaitMs) {
        FetchRequest.FetchTopic topic = new FetchRequest.FetchTopic().setPartitions(List.of(
                new FetchRequest.FetchPartition().setPartition(0).setFetchOffset(0).setPartitionMaxBytes(1 << 20)));
        if (version >= 13) {
            topic.setTopicId(topicId);
        } else {
            topic.setTopic(TOPIC);
        }
        return new FetchRequest().setMaxWaitMs(maxWaitMs).setMinBytes(1).setMaxBytes(1 << 20).setTopics(List.of(topic));
    }

    private static MetadataResponse metadata(NetworkClient client, InetSocketAddress broker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return client.send(broker, TrafficClass.OTHER, new RequestSpec<>(ApiKey.METADATA,
                        version -> new MetadataRequest().setTopics(List.of(new MetadataRequest.MetadataRequestTopic().setName(TOPIC))),
                        MetadataResponse::read, Duration.ofSeconds(5))).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof BrokerConnectionException) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.sleep(200); // the restarted broker is still coming up
            }
        }
    }
}
