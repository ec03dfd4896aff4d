package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.JavaConsumerReads;
import io.kafkaex.KafkaExException;
import io.kafkaex.client.Acks;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.RecordMetadata;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.ProduceEvent;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The producer when the broker writes a batch but its response never arrives, on a broker of its own that
 * advertises a {@link ProduceResponseDroppingProxy} in front of it, so every request after bootstrap passes the
 * proxy. The idempotent producer sends such batches again and the broker drops what it already has: every record
 * is stored once, in the order sent. Without idempotence the batch fails instead, though the broker stored it.
 */
class ProducerLostResponsesIT {

    private static final int RECORDS = 20_000;
    /** Small batches, so the records take some hundred Produce requests for the proxy to choose from. */
    private static final int BATCH_SIZE = 2_048;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private static ProduceResponseDroppingProxy proxy;
    private static KafkaTestCluster cluster;

    @BeforeAll
    static void startBrokerBehindProxy() {
        proxy = ProduceResponseDroppingProxy.bind();
        cluster = KafkaTestCluster.builder().advertisedPort(1, BrokerListener.PLAINTEXT, proxy.port()).start();
        proxy.forwardTo(cluster.bootstrapServers());
    }

    @AfterAll
    static void stopBrokerAndProxy() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
        if (proxy != null) {
            proxy.close();
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).as("threads left")
                    .noneMatch(name -> name.startsWith(ProduceResponseDroppingProxy.THREAD_NAME_PREFIX));
        }
    }

    @ParameterizedTest
    @EnumSource(ResponseDropRule.AfterDrop.class)
    void theIdempotentProducerStoresEveryRecordOnceAndInOrderWhenProduceResponsesAreLost(
            ResponseDropRule.AfterDrop afterDrop) throws Exception {
        String topic = "lost-responses-idempotent-" + afterDrop.name().toLowerCase();
        cluster.createTopic(topic, 1, 1);
        AtomicInteger failedAttempts = new AtomicInteger();
        ProducerOptions options = ProducerOptions.builder(throughProxy(topic).telemetryListener(countFailedAttempts(failedAttempts))
                .build()).batchSize(BATCH_SIZE).requestTimeout(REQUEST_TIMEOUT).build();
        assertThat(options.idempotence()).isTrue();
        assertThat(options.acks()).isEqualTo(Acks.ALL);
        assertThat(options.maxInFlight()).isEqualTo(5);
        ResponseDropRule drops = proxy.dropResponses(30, 5, afterDrop);

        List<String> sent = new ArrayList<>();
        List<CompletableFuture<RecordMetadata>> results = new ArrayList<>();
        try (KafkaExProducer producer = KafkaExProducer.create(options)) {
            for (int i = 0; i < RECORDS; i++) {
                sent.add("record-" + i);
                results.add(producer.send(ProducerRecord.of(topic, 0, null, KafkaExProducerIT.bytes(sent.get(i)))));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        }

        assertThat(drops.responsesDropped()).as("Produce responses dropped; %s", drops).isPositive();
        assertThat(failedAttempts.get()).as("attempts that failed and were retried; %s", drops)
                .isGreaterThanOrEqualTo(drops.responsesDropped());
        List<String> stored = storedValues(topic);
        assertThat(storedMoreThanOnce(stored)).as("records stored more than once").isEmpty();
        assertThat(stored).as("every record once, in send order").containsExactlyElementsOf(sent);
        assertThat(results).extracting(result -> result.join().baseOffset()).as("acknowledged offsets")
                .containsExactlyElementsOf(LongStream.range(0, RECORDS).boxed().toList());
    }

    @Test
    void withoutIdempotenceABatchWhoseResponseIsLostFailsThoughTheBrokerStoredIt() throws Exception {
        String topic = "lost-responses-not-idempotent";
        cluster.createTopic(topic, 1, 1);
        ProducerOptions options = ProducerOptions.builder(throughProxy(topic).build()).idempotence(false)
                .batchSize(BATCH_SIZE).requestTimeout(REQUEST_TIMEOUT).build();
        ResponseDropRule drops = proxy.dropResponses(5, 1, ResponseDropRule.AfterDrop.CLOSE_CONNECTION);

        int records = 2_000;
        List<String> sent = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try (KafkaExProducer producer = KafkaExProducer.create(options)) {
            List<CompletableFuture<RecordMetadata>> results = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                sent.add("record-" + i);
                results.add(producer.send(ProducerRecord.of(topic, 0, null, KafkaExProducerIT.bytes(sent.get(i)))));
            }
            for (int i = 0; i < records; i++) {
                Throwable failure = results.get(i).handle((metadata, error) -> error).get(1, TimeUnit.MINUTES);
                if (failure != null) {
                    assertThat(failure).isInstanceOf(KafkaExException.class).hasMessageContaining("may or may not have been written");
                    failed.add(sent.get(i));
                }
            }
        }

        assertThat(drops.responsesDropped()).as("Produce responses dropped; %s", drops).isEqualTo(1);
        assertThat(failed).as("records reported failed").isNotEmpty();
        assertThat(storedValues(topic)).as("every record once, those reported failed too").containsExactlyElementsOf(sent);
    }

    /** Client options that bootstrap at the proxy; the broker's metadata keeps the client there. */
    private static KafkaExClientOptions.Builder throughProxy(String clientId) {
        return KafkaExClientOptions.builder().bootstrapServers(proxy.bootstrapServers()).clientId(clientId);
    }

    private static List<String> storedValues(String topic) {
        return JavaConsumerReads.readAll(cluster, topic, 0).stream().map(record -> KafkaExProducerIT.text(record.value())).toList();
    }

    /** Each value that is in {@code stored} more than once, named once for each repetition. */
    private static List<String> storedMoreThanOnce(List<String> stored) {
        Set<String> seen = new HashSet<>();
        return stored.stream().filter(value -> !seen.add(value)).toList();
    }

    private static KafkaExTelemetryListener countFailedAttempts(AtomicInteger failedAttempts) {
        return new KafkaExTelemetryListener() {
            @Override
            public void onProduceStop(ProduceEvent.Stop event) {
                if (!event.outcome().isOk()) {
                    failedAttempts.incrementAndGet();
                }
            }
        };
    }
}
