package io.kafkaex.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.ProduceOptions;
import io.kafkaex.client.ProduceRecord;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.RequestEvent;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The consumer's fetcher against a real broker: one Fetch request per leader and round, the prefetch bound, fetch
 * sessions across pause, resume and seek, and out-of-range positions under each reset policy.
 */
@KafkaExBroker
class FetcherIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofMillis(1500);

    private final AtomicInteger fetchRequests = new AtomicInteger();
    private final Queue<Long> fetchRequestBytes = new ConcurrentLinkedQueue<>();

    @Test
    void sixPartitionsOnOneBrokerAreFetchedWithOneRequest(KafkaTestCluster cluster) throws Exception {
        String topic = newTopic(cluster, "fetcher-it-six", 6).topic();
        try (KafkaExClient client = client(cluster, "fetcher-it-six")) {
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (int partition = 0; partition < 6; partition++) {
                produce(client, topic, partition, "p" + partition + "-a", "p" + partition + "-b");
                positions.put(new TopicPartition(topic, partition), 0L);
            }
            RecordingFetchSink sink = new RecordingFetchSink(true, fetchRequests::get);
            try (Fetcher fetcher = fetcher(client, FetcherOptions.defaults(), sink)) {
                fetcher.assign(positions).join();

                Map<TopicPartition, List<String>> values = new HashMap<>();
                for (int i = 0; i < 6; i++) {
                    RecordingFetchSink.Arrival arrival = sink.next(WAIT);
                    assertThat(arrival).as("chunk %s", i).isNotNull();
                    assertThat(arrival.fetchRequests()).as("all six came with the first Fetch request").isEqualTo(1);
                    values.put(arrival.chunk().partition(), values(arrival.chunk()));
                }
                for (int partition = 0; partition < 6; partition++) {
                    assertThat(values.get(new TopicPartition(topic, partition)))
                            .containsExactly("p" + partition + "-a", "p" + partition + "-b");
                    assertThat(fetcher.position(new TopicPartition(topic, partition))).hasValue(2);
                }
            }
        }
    }

    @Test
    void aPartitionHoldingTwoUnreleasedChunksIsNotFetchedAgainUntilOneIsReleased(KafkaTestCluster cluster) throws Exception {
        TopicPartition partition = newTopic(cluster, "fetcher-it-prefetch", 1);
        String topic = partition.topic();
        try (KafkaExClient client = client(cluster, "fetcher-it-prefetch")) {
            for (int batch = 0; batch < 4; batch++) {
                produce(client, topic, 0, "batch-" + batch); // one batch each; a 1-byte partition limit fetches one at a time
            }
            RecordingFetchSink sink = new RecordingFetchSink(false, fetchRequests::get);
            FetcherOptions oneBatchAtATime = new FetcherOptions(1, 52_428_800, Duration.ofMillis(100), 1, false,
                    FetcherOptions.DEFAULT_MAX_BUFFERED_BYTES, OffsetResetPolicy.NONE, Duration.ofMillis(100));
            try (Fetcher fetcher = fetcher(client, oneBatchAtATime, sink)) {
                fetcher.assign(partition, 0).join();

                FetchedChunk processing = sink.next(WAIT).chunk();
                FetchedChunk prefetched = sink.next(WAIT).chunk();
                assertThat(values(processing)).containsExactly("batch-0");
                assertThat(values(prefetched)).containsExactly("batch-1");
                int requestsSoFar = fetchRequests.get();
                assertThat(sink.next(QUIET)).as("nothing more while two chunks are unreleased").isNull();
                assertThat(fetchRequests.get()).isEqualTo(requestsSoFar);

                fetcher.release(processing).join();
                FetchedChunk next = sink.next(WAIT).chunk();
                assertThat(values(next)).containsExactly("batch-2");
                assertThat(sink.next(QUIET)).isNull();
            }
        }
    }

    @Test
    void nothingIsFetchedWhileTheUnreleasedChunksFillTheBuffer(KafkaTestCluster cluster) throws Exception {
        String topic = newTopic(cluster, "fetcher-it-buffer", 2).topic();
        try (KafkaExClient client = client(cluster, "fetcher-it-buffer")) {
            produce(client, topic, 0, "a");
            RecordingFetchSink sink = new RecordingFetchSink(false, fetchRequests::get);
            FetcherOptions tinyBuffer = new FetcherOptions(1, 52_428_800, Duration.ofMillis(100), 1_048_576, false, 1,
                    OffsetResetPolicy.NONE, Duration.ofMillis(100));
            try (Fetcher fetcher = fetcher(client, tinyBuffer, sink)) {
                fetcher.assign(Map.of(new TopicPartition(topic, 0), 0L, new TopicPartition(topic, 1), 0L)).join();
                FetchedChunk first = sink.next(WAIT).chunk();
                produce(client, topic, 1, "b");

                assertThat(sink.next(QUIET)).as("the buffer is full").isNull();
                fetcher.release(first).join();
                assertThat(values(sink.next(WAIT).chunk())).containsExactly("b");
            }
        }
    }

    @Test
    void theFetchSessionIsIncrementalAndStaysRightThroughPauseResumeAndSeek(KafkaTestCluster cluster) throws Exception {
        String topic = newTopic(cluster, "fetcher-it-session", 2).topic();
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        try (KafkaExClient client = client(cluster, "fetcher-it-session")) {
            produce(client, topic, 0, "p0-0", "p0-1");
            produce(client, topic, 1, "p1-0");
            int leader = client.metadataSync(List.of(topic)).leaderFor(topic, 0).orElseThrow().id();
            RecordingFetchSink sink = new RecordingFetchSink(true, fetchRequests::get);
            try (Fetcher fetcher = fetcher(client, FetcherOptions.defaults(), sink)) {
                fetcher.assign(Map.of(p0, 0L, p1, 0L)).join();
                Map<TopicPartition, List<String>> seen = collect(sink, 2);
                assertThat(seen.get(p0)).containsExactly("p0-0", "p0-1");
                assertThat(seen.get(p1)).containsExactly("p1-0");

                assertThat(fetcher.sessionId(leader).join()).as("the broker keeps a session for us").isNotZero();
                long fullRequest = fetchRequestBytes.peek();
                awaitTrue(() -> fetchRequestBytes.stream().skip(1).anyMatch(bytes -> bytes < fullRequest),
                        "a later request lists fewer partitions than the first, full one");

                fetcher.pause(p0).join();
                produce(client, topic, 0, "p0-2");
                produce(client, topic, 1, "p1-1");
                RecordingFetchSink.Arrival whilePaused = sink.next(WAIT);
                assertThat(whilePaused.chunk().partition()).isEqualTo(p1);
                assertThat(values(whilePaused.chunk())).containsExactly("p1-1");
                assertThat(sink.next(QUIET)).as("nothing of the paused partition").isNull();

                fetcher.resume(p0).join();
                RecordingFetchSink.Arrival resumed = sink.next(WAIT);
                assertThat(resumed.chunk().partition()).isEqualTo(p0);
                assertThat(resumed.chunk().fetchedFrom()).isEqualTo(2);
                assertThat(values(resumed.chunk())).containsExactly("p0-2");

                fetcher.seek(p1, 0).join();
                RecordingFetchSink.Arrival seeked = sink.next(WAIT);
                assertThat(seeked.chunk().partition()).isEqualTo(p1);
                assertThat(values(seeked.chunk())).containsExactly("p1-0", "p1-1");

                produce(client, topic, 0, "p0-3");
                RecordingFetchSink.Arrival later = sink.next(WAIT);
                assertThat(later.chunk().partition()).isEqualTo(p0);
                assertThat(values(later.chunk())).as("no record twice, none lost").containsExactly("p0-3");
                assertThat(sink.next(QUIET)).isNull();
                assertThat(sink.failures()).isEmpty();
                assertThat(fetcher.sessionId(leader).join()).isNotZero();
            }
        }
    }

    @Test
    void anOutOfRangePositionIsResetToTheEarliestOrLatestOffset(KafkaTestCluster cluster) throws Exception {
        TopicPartition partition = newTopic(cluster, "fetcher-it-reset", 1);
        try (KafkaExClient client = client(cluster, "fetcher-it-reset")) {
            produce(client, partition.topic(), 0, "a", "b", "c");
            RecordingFetchSink earliestSink = new RecordingFetchSink(true, fetchRequests::get);
            try (Fetcher fetcher = fetcher(client, FetcherOptions.defaults().withAutoOffsetReset(OffsetResetPolicy.EARLIEST),
                    earliestSink)) {
                fetcher.assign(partition, 100).join();
                FetchedChunk chunk = earliestSink.next(WAIT).chunk();
                assertThat(chunk.fetchedFrom()).isZero();
                assertThat(values(chunk)).containsExactly("a", "b", "c");
            }

            RecordingFetchSink latestSink = new RecordingFetchSink(true, fetchRequests::get);
            try (Fetcher fetcher = fetcher(client, FetcherOptions.defaults().withAutoOffsetReset(OffsetResetPolicy.LATEST),
                    latestSink)) {
                fetcher.assign(partition, 100).join();
                awaitTrue(() -> fetcher.position(partition).orElseThrow() == 3, "reset to the log end");
                produce(client, partition.topic(), 0, "d");
                FetchedChunk chunk = latestSink.next(WAIT).chunk();
                assertThat(chunk.fetchedFrom()).isEqualTo(3);
                assertThat(values(chunk)).containsExactly("d");
                assertThat(latestSink.failures()).isEmpty();
            }
        }
    }

    @Test
    void withoutAResetPolicyAnOutOfRangePositionFailsThePartitionWithAClearMessage(KafkaTestCluster cluster) throws Exception {
        TopicPartition partition = newTopic(cluster, "fetcher-it-no-reset", 1);
        try (KafkaExClient client = client(cluster, "fetcher-it-no-reset")) {
            produce(client, partition.topic(), 0, "a", "b");
            RecordingFetchSink sink = new RecordingFetchSink(true, fetchRequests::get);
            try (Fetcher fetcher = fetcher(client, FetcherOptions.defaults().withAutoOffsetReset(OffsetResetPolicy.NONE), sink)) {
                fetcher.assign(partition, 100).join();
                awaitTrue(() -> !sink.failures().isEmpty(), "the partition failed");
                int requests = fetchRequests.get();

                assertThat(sink.next(QUIET)).isNull();
                assertThat(sink.failures()).singleElement().isInstanceOfSatisfying(OffsetOutOfRangeException.class, e -> {
                    assertThat(e.partition()).isEqualTo(partition);
                    assertThat(e.offset()).isEqualTo(100);
                    assertThat(e).hasMessageContaining("fetcher-it-no-reset-0").hasMessageContaining("100")
                            .hasMessageContaining("offsets 0 (log start) up to 2 (log end)").hasMessageContaining("auto-offset-reset");
                });
                assertThat(fetchRequests.get()).as("no more fetches of the failed partition").isEqualTo(requests);
                assertThat(fetcher.position(partition)).hasValue(100);

                fetcher.seek(partition, 1).join();
                assertThat(values(sink.next(WAIT).chunk())).as("a seek resumes it").containsExactly("b");
            }
        }
    }

    /** Partition 0 of a new topic with {@code partitions} partitions. */
    static TopicPartition newTopic(KafkaTestCluster cluster, String topic, int partitions) {
        cluster.createTopic(topic, partitions, 1);
        return new TopicPartition(topic, 0);
    }

    static KafkaExClient client(KafkaTestCluster cluster, String clientId, KafkaExTelemetryListener listener) {
        return KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers())
                .clientId(clientId).telemetryListener(listener).build());
    }

    private KafkaExClient client(KafkaTestCluster cluster, String clientId) {
        return client(cluster, clientId, new KafkaExTelemetryListener() {
            @Override
            public void onRequestStart(RequestEvent.Start event) {
                if (event.metadata().api() == ApiKey.FETCH) {
                    fetchRequests.incrementAndGet();
                }
            }

            @Override
            public void onRequestStop(RequestEvent.Stop event) {
                if (event.metadata().api() == ApiKey.FETCH) {
                    fetchRequestBytes.add(event.bytesSent());
                }
            }
        });
    }

    static Fetcher fetcher(KafkaExClient client, FetcherOptions options, RecordingFetchSink sink) {
        Fetcher fetcher = new Fetcher(client, options, sink);
        sink.attach(fetcher);
        return fetcher;
    }

    static void produce(KafkaExClient client, String topic, int partition, String... values) {
        List<ProduceRecord> records = new ArrayList<>();
        for (String value : values) {
            records.add(ProduceRecord.of(null, value.getBytes(StandardCharsets.UTF_8)));
        }
        client.produceSync(topic, partition, records, ProduceOptions.defaults());
    }

    static Map<TopicPartition, List<String>> collect(RecordingFetchSink sink, int chunks) throws InterruptedException {
        Map<TopicPartition, List<String>> seen = new HashMap<>();
        for (int i = 0; i < chunks; i++) {
            RecordingFetchSink.Arrival arrival = sink.next(WAIT);
            assertThat(arrival).as("chunk %s", i).isNotNull();
            seen.computeIfAbsent(arrival.chunk().partition(), p -> new ArrayList<>()).addAll(values(arrival.chunk()));
        }
        return seen;
    }

    static List<String> values(FetchedChunk chunk) {
        return chunk.records().stream().map(Record::value).map(FetcherIT::text).toList();
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waiting until %s", what).isNegative();
            Thread.sleep(20);
        }
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
