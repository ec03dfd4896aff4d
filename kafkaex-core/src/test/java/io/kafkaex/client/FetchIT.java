package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kafka_ex-style fetch against a real broker, with kafka-clients (test scope) as the producing oracle for
 * every codec and for transactions.
 */
@KafkaExBroker
class FetchIT {

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void readsWhatTheJavaProducerWroteWithEveryCodec(String compression, KafkaTestCluster cluster) throws Exception {
        String topic = "fetch-it-" + compression;
        cluster.createTopic(topic, 1, 1);
        try (KafkaProducer<String, String> producer = javaProducer(cluster, compression, null)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, 0, 1_700_000_000_000L, "k", "v");
            record.headers().add("trace", "abc".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
            producer.send(new ProducerRecord<>(topic, 0, 1_700_000_000_001L, null, "second")).get();
        }
        try (KafkaExClient client = client(cluster, Duration.ofSeconds(10))) {
            FetchResult result = client.fetchSync(topic, 0, 0, FetchOptions.defaults());

            assertThat(result.highWatermark()).isEqualTo(2);
            assertThat(result.records()).extracting(Record::offset).containsExactly(0L, 1L);
            Record first = result.records().get(0);
            assertThat(text(first.key())).isEqualTo("k");
            assertThat(text(first.value())).isEqualTo("v");
            assertThat(first.timestamp()).isEqualTo(1_700_000_000_000L);
            assertThat(first.headers()).singleElement().satisfies(h -> {
                assertThat(h.key()).isEqualTo("trace");
                assertThat(text(h.value())).isEqualTo("abc");
            });
            assertThat(result.records().get(1).key()).isNull();
            assertThat(result.nextOffset(0)).isEqualTo(2);
        }
    }

    @Test
    void readCommittedHidesAnAbortedTransaction(KafkaTestCluster cluster) throws Exception {
        String topic = "fetch-it-transactions";
        cluster.createTopic(topic, 1, 1);
        try (KafkaProducer<String, String> producer = javaProducer(cluster, "none", "fetch-it-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, null, "committed"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, null, "aborted")).get(); // written, so the abort has something to abort
            producer.abortTransaction();
        }
        try (KafkaExClient client = client(cluster, Duration.ofSeconds(10))) {
            FetchOptions options = FetchOptions.defaults().withMaxWait(Duration.ZERO);
            assertThat(values(client.fetchSync(topic, 0, 0, options.withReadCommitted(true)))).containsExactly("committed");
            assertThat(values(client.fetchSync(topic, 0, 0, options))).containsExactly("committed", "aborted");
        }
    }

    @Test
    void aLongPollOutlastsTheRequestTimeoutAndABadOffsetIsATypedError(KafkaTestCluster cluster) {
        String topic = "fetch-it-long-poll";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExClient client = client(cluster, Duration.ofSeconds(1))) {
            long start = System.nanoTime();
            FetchResult empty = client.fetchSync(topic, 0, 0, FetchOptions.defaults().withMaxWait(Duration.ofSeconds(3)));
            assertThat(empty.records()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the broker held the poll").isGreaterThan(Duration.ofSeconds(2));

            assertThatThrownBy(() -> client.fetchSync(topic, 0, 1_000, FetchOptions.defaults()))
                    .isInstanceOfSatisfying(KafkaErrorException.class,
                            e -> assertThat(e.error()).isEqualTo(KafkaError.OFFSET_OUT_OF_RANGE))
                    .hasMessageContaining("fetch-it-long-poll-0").hasMessageContaining("offset 1000");
        }
    }

    private static KafkaProducer<String, String> javaProducer(KafkaTestCluster cluster, String compression, String transactionalId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config);
    }

    private static KafkaExClient client(KafkaTestCluster cluster, Duration requestTimeout) {
        return KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers())
                .clientId("fetch-it").requestTimeout(requestTimeout).build());
    }

    private static List<String> values(FetchResult result) {
        return result.records().stream().map(r -> text(r.value())).toList();
    }

    private static String text(ByteBuffer buffer) {
        return buffer == null ? null : StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
