package io.kafkaex.spring.listener;

import static io.kafkaex.spring.listener.TestRecords.text;
import static io.kafkaex.spring.listener.TestRecords.texts;
import static io.kafkaex.spring.listener.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.autoconfigure.KafkaExErrorHandlingConfiguration;
import io.kafkaex.client.FetchOptions;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.ProduceOptions;
import io.kafkaex.client.ProduceRecord;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The dead-letter recoverer and the default error handler against a real broker. */
@KafkaExBroker
class DeadLetterPublishingRecovererIT {

    private static final String PREFIX = "DeadLetterPublishingRecovererIT-";
    private static final long ORIGINAL_TIMESTAMP = 1_700_000_000_000L;

    private KafkaTestCluster cluster;
    private KafkaExClient client;

    @BeforeEach
    void connect(KafkaTestCluster cluster) {
        this.cluster = cluster;
        this.client = KafkaExClient.create(clientOptions(cluster.bootstrapServers(), "dlt-it-client"));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aFailingListenersRecordReachesTheDeadLetterTopicWithHeadersAfterTheConfiguredAttempts() {
        String topic = PREFIX + "after-attempts";
        cluster.createTopic(topic, 3, 1);
        cluster.createTopic(topic + ".DLT", 3, 1);
        Record original = produceAndFetch(topic, 2);
        RuntimeException error = new IllegalStateException("listener failed", new IOException("disk full"));

        contextRunner().withPropertyValues("kafkaex.listener.error-handler.max-attempts=3",
                "kafkaex.listener.error-handler.backoff.interval=10ms").run(context -> {
                    ListenerErrorHandler handler = context.getBean(ListenerErrorHandler.class);
                    assertThat(handler.handle(delivery(topic, 2, original, error, 1, false)))
                            .isEqualTo(ErrorDecision.retryAfter(Duration.ofMillis(10)));
                    assertThat(handler.handle(delivery(topic, 2, original, error, 2, false)))
                            .isEqualTo(ErrorDecision.retryAfter(Duration.ofMillis(10)));
                    assertThat(client.latestOffsetSync(topic + ".DLT", 2)).as("nothing dead-lettered while retrying")
                            .isZero();

                    assertThat(handler.handle(delivery(topic, 2, original, error, 3, false)))
                            .isEqualTo(ErrorDecision.recovered());
                });

        List<Record> deadLetters = fetch(topic + ".DLT", 2);
        assertThat(deadLetters).hasSize(1);
        Record deadLetter = deadLetters.get(0);
        assertThat(text(deadLetter.key())).isEqualTo("order-7");
        assertThat(text(deadLetter.value())).isEqualTo("{\"amount\":-1}");
        assertThat(deadLetter.timestamp()).as("stamped when dead-lettered").isGreaterThan(ORIGINAL_TIMESTAMP);
        assertThat(deadLetter.headers().get(0).key()).isEqualTo("trace-id");
        assertThat(text(deadLetter.headers().get(0).value())).isEqualTo("abc-123");
        Map<String, String> headers = texts(deadLetter.headers());
        assertThat(headers).containsEntry(DeadLetterHeaders.ORIGINAL_TOPIC, topic)
                .containsEntry(DeadLetterHeaders.ORIGINAL_PARTITION, "2")
                .containsEntry(DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(original.offset()))
                .containsEntry(DeadLetterHeaders.ORIGINAL_TIMESTAMP, Long.toString(ORIGINAL_TIMESTAMP))
                .containsEntry(DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE, "CREATE_TIME")
                .containsEntry(DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP, PREFIX + "group")
                .containsEntry(DeadLetterHeaders.LISTENER_ID, "order-listener")
                .containsEntry(DeadLetterHeaders.EXCEPTION_FQCN, IllegalStateException.class.getName())
                .containsEntry(DeadLetterHeaders.EXCEPTION_MESSAGE, "listener failed")
                .containsEntry(DeadLetterHeaders.EXCEPTION_CAUSE_FQCN, IOException.class.getName())
                .containsEntry(DeadLetterHeaders.EXCEPTION_CAUSE_MESSAGE, "disk full")
                .containsEntry(DeadLetterHeaders.DESERIALIZATION_FAILURE, "false")
                .containsEntry(DeadLetterHeaders.ATTEMPTS, "3");
        assertThat(headers.get(DeadLetterHeaders.EXCEPTION_STACKTRACE))
                .startsWith("java.lang.IllegalStateException: listener failed")
                .contains("Caused by: java.io.IOException: disk full");
    }

    @Test
    void aDeadLetterTopicWithFewerPartitionsGetsTheRecordOnOneItHas() throws Exception {
        String topic = PREFIX + "fewer-partitions";
        cluster.createTopic(topic, 3, 1);
        cluster.createTopic(topic + ".DLT", 1, 1);
        Record original = produceAndFetch(topic, 2);

        String producerThread = "kafkaex-producer-dlt-it-producer";
        try (DeadLetterPublishingRecoverer recoverer = recoverer(cluster.bootstrapServers(), client, ".DLT",
                Duration.ofSeconds(30))) {
            assertThat(liveThreadNamed(producerThread)).as("no producer before the first recovery").isFalse();
            recoverer.recover(delivery(topic, 2, original, new IllegalStateException("x"), 1, true));
            assertThat(liveThreadNamed(producerThread)).isTrue();
        }
        assertThat(liveThreadNamed(producerThread)).as("the producer closed with the recoverer").isFalse();

        List<Record> deadLetters = fetch(topic + ".DLT", 0);
        assertThat(deadLetters).hasSize(1);
        assertThat(text(deadLetters.get(0).key())).isEqualTo("order-7");
        assertThat(texts(deadLetters.get(0).headers())).containsEntry(DeadLetterHeaders.ORIGINAL_PARTITION, "2")
                .containsEntry(DeadLetterHeaders.DESERIALIZATION_FAILURE, "true");
    }

    @Test
    void anInvalidDeadLetterTopicFailsTheRecoveryClearlyAndTheHandlerRetries() {
        String topic = PREFIX + "invalid";
        cluster.createTopic(topic, 1, 1);
        Record original = produceAndFetch(topic, 0);
        FailedDelivery failed = delivery(topic, 0, original, new IllegalStateException("x"), 3, false);

        try (DeadLetterPublishingRecoverer recoverer = recoverer(cluster.bootstrapServers(), client, "/not a topic!",
                Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> recoverer.recover(failed)).isInstanceOf(DeadLetterPublishException.class)
                    .hasMessageContaining(topic + "/not a topic!")
                    .hasMessageContaining("offset " + original.offset());

            DefaultListenerErrorHandler handler = new DefaultListenerErrorHandler(recoverer);
            assertThat(handler.handle(failed)).isInstanceOf(ErrorDecision.Retry.class);
        }
    }

    @Test
    void anUnreachableClusterFailsTheDeadLetterTopicLookupAndTheHandlerRetries() {
        String topic = PREFIX + "unreachable";
        cluster.createTopic(topic, 1, 1);
        Record original = produceAndFetch(topic, 0);
        FailedDelivery failed = delivery(topic, 0, original, new IllegalStateException("x"), 3, false);

        try (KafkaExClient unreachable = KafkaExClient.create(clientOptions("127.0.0.1:1", "dlt-it-unreachable"));
                DeadLetterPublishingRecoverer recoverer = recoverer("127.0.0.1:1", unreachable, ".DLT",
                        Duration.ofSeconds(2))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> recoverer.recover(failed)).isInstanceOf(DeadLetterPublishException.class)
                    .hasMessageContaining("Could not look up dead-letter topic " + topic + ".DLT");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));

            ErrorDecision decision = new DefaultListenerErrorHandler(recoverer).handle(failed);
            assertThat(decision).isEqualTo(ErrorDecision.retryAfter(Duration.ofSeconds(1)));
        }
    }

    @Test
    void aProducerThatCannotReachTheClusterFailsTheRecoveryWithinTheSendTimeout() {
        String topic = PREFIX + "producer-unreachable";
        cluster.createTopic(topic, 1, 1);
        cluster.createTopic(topic + ".DLT", 1, 1);
        Record original = produceAndFetch(topic, 0);
        FailedDelivery failed = delivery(topic, 0, original, new IllegalStateException("x"), 3, false);

        try (DeadLetterPublishingRecoverer recoverer = recoverer("127.0.0.1:1", client, ".DLT", Duration.ofSeconds(2))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> recoverer.recover(failed)).isInstanceOf(DeadLetterPublishException.class)
                    .hasMessageContaining("Could not publish the records of listener 'order-listener'")
                    .hasMessageContaining(topic + ".DLT");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
        assertThat(fetch(topic + ".DLT", 0)).isEmpty();
    }

    private ApplicationContextRunner contextRunner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withUserConfiguration(KafkaExErrorHandlingConfiguration.class)
                .withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers(),
                        "spring.application.name=" + PREFIX + "app");
    }

    private Record produceAndFetch(String topic, int partition) {
        ProduceRecord record = ProduceRecord.of(utf8("order-7"), utf8("{\"amount\":-1}"))
                .withHeaders(List.of(Header.of("trace-id", utf8("abc-123")))).withTimestamp(ORIGINAL_TIMESTAMP);
        client.produceOneSync(topic, partition, record, ProduceOptions.defaults());
        List<Record> fetched = fetch(topic, partition);
        assertThat(fetched).hasSize(1);
        return fetched.get(0);
    }

    private List<Record> fetch(String topic, int partition) {
        return client.fetchSync(topic, partition, 0, FetchOptions.defaults().withMaxWait(Duration.ZERO)).records();
    }

    private static FailedDelivery delivery(String topic, int partition, Record record, Throwable error, int attempt,
            boolean deserializationFailure) {
        return new FailedDelivery("order-listener", PREFIX + "group", new TopicPartition(topic, partition),
                List.of(record), error, attempt, deserializationFailure);
    }

    private static boolean liveThreadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals(name));
    }

    private static DeadLetterPublishingRecoverer recoverer(String bootstrapServers, KafkaExClient metadataClient,
            String suffix, Duration sendTimeout) {
        ProducerOptions producer = ProducerOptions.builder(clientOptions(bootstrapServers, "dlt-it-producer"))
                .maxBlock(sendTimeout).build();
        return new DeadLetterPublishingRecoverer(() -> KafkaExProducer.create(producer), metadataClient, suffix,
                sendTimeout);
    }

    private static KafkaExClientOptions clientOptions(String bootstrapServers, String clientId) {
        return KafkaExClientOptions.builder().bootstrapServers(bootstrapServers).clientId(clientId).build();
    }
}
