package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kafkaex.JavaConsumerReads;
import io.kafkaex.client.Acks;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.RecordMetadata;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.record.compression.CompressionType;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.ProduceEvent;
import io.kafkaex.telemetry.ProducerRequestEvent;
import io.kafkaex.telemetry.RequestEvent;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The batching producer against a real broker; what it wrote is read back with kafka-clients' consumer. */
@KafkaExBroker
class KafkaExProducerIT {

    @Test
    void keyedRecordsLandWhereKafkaClientsPutsThemInSendOrderAndBatched(KafkaTestCluster cluster) throws Exception {
        String topic = "producer-it-keyed";
        cluster.createTopic(topic, 6, 1);
        AtomicInteger produceRequests = new AtomicInteger();
        KafkaExTelemetryListener requests = new KafkaExTelemetryListener() {
            @Override
            public void onRequestStart(RequestEvent.Start event) {
                if (event.metadata().api() == ApiKey.PRODUCE) {
                    produceRequests.incrementAndGet();
                }
            }
        };
        int count = 20_000;
        List<CompletableFuture<RecordMetadata>> results = new ArrayList<>();
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client(cluster, "producer-it-keyed")
                .telemetryListener(requests).build()).build())) {
            for (int i = 0; i < count; i++) {
                results.add(producer.send(ProducerRecord.of(topic, bytes("key-" + i % 100), bytes("value-" + i))));
            }
            producer.flush();
        }

        Map<Integer, List<String>> sentPerPartition = new HashMap<>();
        for (int i = 0; i < count; i++) {
            RecordMetadata metadata = results.get(i).get(10, TimeUnit.SECONDS);
            assertThat(metadata.partition()).isEqualTo(BuiltInPartitioner.partitionForKey(bytes("key-" + i % 100), 6));
            sentPerPartition.computeIfAbsent(metadata.partition(), p -> new ArrayList<>()).add("value-" + i);
        }
        for (Map.Entry<Integer, List<String>> sent : sentPerPartition.entrySet()) {
            assertThat(consume(cluster, topic, sent.getKey(), sent.getValue().size()))
                    .extracting(record -> text(record.value())).containsExactlyElementsOf(sent.getValue());
        }
        assertThat(produceRequests.get()).as("Produce requests for %s records", count).isLessThan(count / 10);
    }

    @Test
    void eachBatchSentIsAProduceSpanWithItsRecordsAndOffset(KafkaTestCluster cluster) throws Exception {
        String topic = "producer-it-telemetry";
        cluster.createTopic(topic, 1, 1);
        List<ProduceEvent.Start> starts = new CopyOnWriteArrayList<>();
        List<ProduceEvent.Stop> stops = new CopyOnWriteArrayList<>();
        KafkaExTelemetryListener produceSpans = new KafkaExTelemetryListener() {
            @Override
            public void onProduceStart(ProduceEvent.Start event) {
                starts.add(event);
            }

            @Override
            public void onProduceStop(ProduceEvent.Stop event) {
                stops.add(event);
            }
        };
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client(cluster, "producer-it-spans")
                .telemetryListener(produceSpans).build()).build())) {
            for (int i = 0; i < 2_000; i++) {
                producer.send(ProducerRecord.of(topic, 0, null, bytes("record-" + i)));
            }
            producer.flush();
        }

        List<ProduceEvent.Stop> acknowledged = stops.stream().filter(stop -> stop.outcome().isOk()).toList();
        assertThat(stops).hasSameSizeAs(starts);
        assertThat(acknowledged).isNotEmpty().allSatisfy(stop -> {
            assertThat(stop.metadata()).isEqualTo(new ProduceEvent.Metadata(topic, 0, "producer-it-spans", (short) -1));
            assertThat(stop.baseOffset()).isNotNegative();
        });
        assertThat(acknowledged.stream().mapToInt(ProduceEvent.Stop::messageCount).sum()).isEqualTo(2_000);
        assertThat(acknowledged).extracting(ProduceEvent.Stop::baseOffset).isSorted().doesNotHaveDuplicates();
        assertThat(acknowledged.size()).as("batches, not single records").isLessThan(2_000);
    }

    @Test
    void eachProduceRequestReportsItsBatchesRecordsCompressionBufferAndRequestsInFlight(KafkaTestCluster cluster)
            throws Exception {
        String topic = "producer-it-request-event";
        cluster.createTopic(topic, 3, 1);
        List<ProducerRequestEvent> requests = new CopyOnWriteArrayList<>();
        KafkaExTelemetryListener listener = new KafkaExTelemetryListener() {
            @Override
            public void onProducerRequest(ProducerRequestEvent event) {
                requests.add(event);
            }
        };
        int count = 6_000;
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client(cluster, "producer-it-requests")
                .telemetryListener(listener).build()).compression(CompressionType.LZ4).bufferMemory(4 << 20).build())) {
            for (int i = 0; i < count; i++) {
                producer.send(ProducerRecord.of(topic, i % 3, null, bytes("a compressible record number " + i)));
            }
            producer.flush();
        }

        assertThat(requests).isNotEmpty().allSatisfy(request -> {
            assertThat(request.clientId()).isEqualTo("producer-it-requests");
            assertThat(request.broker().port()).isEqualTo(Integer.parseInt(cluster.bootstrapServers().split(":")[1]));
            assertThat(request.batchCount()).isBetween(1, 3);
            assertThat(request.largestBatchBytes()).isLessThanOrEqualTo((int) request.bytes());
            assertThat(request.compressionRatio()).isLessThan(0.9);
            assertThat(request.bufferAvailableBytes()).isBetween(0L, 4L << 20);
            assertThat(request.requestsInFlight()).isBetween(1, 5);
        });
        assertThat(requests.stream().mapToInt(ProducerRequestEvent::recordCount).sum()).isEqualTo(count);
        assertThat(requests.stream().mapToInt(ProducerRequestEvent::batchCount).max().orElse(0))
                .as("batches of several partitions share a request").isGreaterThan(1);
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void everyCompressionIsReadBackByKafkaClients(CompressionType compression, KafkaTestCluster cluster) throws Exception {
        String topic = "producer-it-" + compression.name().toLowerCase();
        cluster.createTopic(topic, 1, 1);
        List<String> sent = new ArrayList<>();
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client(cluster, topic).build())
                .compression(compression).build())) {
            List<CompletableFuture<RecordMetadata>> results = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                sent.add("compressible value " + i + " ".repeat(50));
                results.add(producer.send(ProducerRecord.of(topic, null, bytes(sent.get(i)))));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertThat(consume(cluster, topic, 0, sent.size())).extracting(record -> text(record.value()))
                .containsExactlyElementsOf(sent);
    }

    @Test
    void aCompressionLevelIsUsedForTheProducersBatches(KafkaTestCluster cluster) throws Exception {
        String topic = "producer-it-zstd-19";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client(cluster, topic).build())
                .compression(CompressionType.ZSTD).compressionLevel(19).build())) {
            assertThat(producer.options().codec().type()).isEqualTo(CompressionType.ZSTD);
            producer.send(ProducerRecord.of(topic, 0, null, bytes("at level 19"))).get(10, TimeUnit.SECONDS);
        }
        assertThat(consume(cluster, topic, 0, 1)).extracting(record -> text(record.value())).containsExactly("at level 19");
    }

    @Test
    void withAcksNoneRecordsArriveAndFuturesCompleteWithoutOffsets(KafkaTestCluster cluster) throws Exception {
        String topic = "producer-it-acks-none";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client(cluster, topic).build())
                .acks(Acks.NONE).build())) {
            RecordMetadata metadata = producer.send(ProducerRecord.of(topic, 0, null, bytes("fire and forget")))
                    .get(10, TimeUnit.SECONDS);
            assertThat(metadata.baseOffset()).isEqualTo(-1);
        }
        assertThat(consume(cluster, topic, 0, 1)).extracting(record -> text(record.value())).containsExactly("fire and forget");
    }

    @Test
    void aRecordOverTheMaximumRequestSizeFailsBeforeSendingNamingBothSizes(KafkaTestCluster cluster) {
        String topic = "producer-it-too-large";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client(cluster, topic).build())
                .maxRequestSize(1_000).build())) {
            Throwable failure = catchThrowable(() -> producer.send(ProducerRecord.of(topic, 0, null, new byte[2_000])).join());

            assertThat(failure).hasCauseInstanceOf(KafkaErrorException.class);
            KafkaErrorException tooLarge = (KafkaErrorException) failure.getCause();
            assertThat(tooLarge.error()).isEqualTo(KafkaError.MESSAGE_TOO_LARGE);
            assertThat(tooLarge).hasMessageContaining("max-request-size (1000 bytes)").hasMessageContaining("takes up to 20");
        }
    }

    @Test
    void closeSendsWhatIsBufferedAndLaterSendsFail(KafkaTestCluster cluster) throws Exception {
        String topic = "producer-it-close";
        cluster.createTopic(topic, 1, 1);
        List<CompletableFuture<RecordMetadata>> results = new ArrayList<>();
        KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client(cluster, topic).build())
                .linger(Duration.ofSeconds(30)).deliveryTimeout(Duration.ofMinutes(2)).build());
        for (int i = 0; i < 100; i++) {
            results.add(producer.send(ProducerRecord.of(topic, 0, null, bytes("r" + i))));
        }
        assertThat(results).noneMatch(CompletableFuture::isDone); // lingering

        producer.close(Duration.ofSeconds(30));

        assertThat(results).allMatch(result -> result.isDone() && !result.isCompletedExceptionally());
        assertThat(catchThrowable(() -> producer.send(ProducerRecord.of(topic, 0, null, bytes("late"))).join()))
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(consume(cluster, topic, 0, 100)).hasSize(100);
    }

    @Test
    void anUnknownTopicFailsAfterMaxBlockSayingSo(KafkaTestCluster cluster) {
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(client(cluster, "producer-it-unknown")
                .build()).maxBlock(Duration.ofMillis(500)).build())) {
            Throwable failure = catchThrowable(() -> producer.send(ProducerRecord.of("producer-it-no-such-topic", null,
                    bytes("x"))).join());

            assertThat(failure).hasCauseInstanceOf(ProducerTimeoutException.class)
                    .hasMessageContaining("producer-it-no-such-topic").hasMessageContaining("max-block (500 ms)");
        }
    }

    static KafkaExClientOptions.Builder client(KafkaTestCluster cluster, String clientId) {
        return KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers()).clientId(clientId);
    }

    static List<ConsumerRecord<byte[], byte[]>> consume(KafkaTestCluster cluster, String topic, int partition, int count) {
        return JavaConsumerReads.read(cluster, topic, partition, count);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
