package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.JavaConsumerReads;
import io.kafkaex.protocol.error.KafkaRecordTooLargeException;
import io.kafkaex.protocol.error.KafkaUnknownTopicOrPartitionException;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.compression.CompressionType;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kafka_ex-style produce against a real broker; kafka-clients (test scope) reads the records back as the
 * oracle: key, value, headers and timestamp identical, for every codec.
 */
@KafkaExBroker
class ProduceIT {

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void javaConsumersReadExactlyWhatWeProduced(CompressionType compression, KafkaTestCluster cluster) {
        String topic = "produce-it-" + compression.kafkaName();
        cluster.createTopic(topic, 2, 1);
        try (KafkaExClient client = client(cluster)) {
            List<ProduceRecord> records = List.of(
                    ProduceRecord.of(bytes("k1"), bytes("v1")).withTimestamp(1_700_000_000_000L)
                            .withHeaders(List.of(Header.of("trace", bytes("abc")), Header.of("empty", null))),
                    ProduceRecord.of(null, bytes("no key")).withTimestamp(1_700_000_000_001L),
                    ProduceRecord.of(bytes("tombstone"), null).withTimestamp(1_700_000_000_002L));

            RecordMetadata first = client.produceSync(topic, 1, records, ProduceOptions.defaults().withCompression(compression));
            RecordMetadata second = client.produceOneSync(topic, 1, ProduceRecord.of(bytes("k4"), bytes("v4"))
                    .withTimestamp(1_700_000_000_003L), ProduceOptions.defaults().withAcks(Acks.LEADER));

            assertThat(first.baseOffset()).isZero();
            assertThat(second.baseOffset()).isEqualTo(3);
            List<ConsumerRecord<byte[], byte[]>> read = consume(cluster, topic, 1, 4);
            assertThat(read).extracting(r -> text(r.key())).containsExactly("k1", null, "tombstone", "k4");
            assertThat(read).extracting(r -> text(r.value())).containsExactly("v1", "no key", null, "v4");
            assertThat(read).extracting(ConsumerRecord::timestamp)
                    .containsExactly(1_700_000_000_000L, 1_700_000_000_001L, 1_700_000_000_002L, 1_700_000_000_003L);
            assertThat(read.get(0).headers().lastHeader("trace").value()).isEqualTo(bytes("abc"));
            assertThat(read.get(0).headers().lastHeader("empty").value()).isNull();
        }
    }

    @Test
    void acksNoneIsFireAndForgetButTheRecordArrives(KafkaTestCluster cluster) {
        cluster.createTopic("produce-it-acks-none", 1, 1);
        try (KafkaExClient client = client(cluster)) {
            RecordMetadata metadata = client.produceOneSync("produce-it-acks-none", 0, ProduceRecord.of(null, bytes("fire")),
                    ProduceOptions.defaults().withAcks(Acks.NONE));

            assertThat(metadata.baseOffset()).isEqualTo(-1);
            assertThat(consume(cluster, "produce-it-acks-none", 0, 1)).extracting(r -> text(r.value())).containsExactly("fire");
        }
    }

    @Test
    void badInputFailsWithTypedActionableErrors(KafkaTestCluster cluster) {
        cluster.createTopic("produce-it-small", 1, 1, Map.of("max.message.bytes", "1024"));
        try (KafkaExClient client = client(cluster)) {
            assertThatThrownBy(() -> client.produceOneSync("produce-it-no-such-topic", 0, ProduceRecord.of(null, bytes("x")),
                    ProduceOptions.defaults())).isInstanceOf(KafkaUnknownTopicOrPartitionException.class)
                    .hasMessageContaining("produce-it-no-such-topic");
            assertThatThrownBy(() -> client.produceOneSync("produce-it-small", 7, ProduceRecord.of(null, bytes("x")),
                    ProduceOptions.defaults())).isInstanceOf(KafkaUnknownTopicOrPartitionException.class)
                    .hasMessageContaining("the topic has 1 partitions");
            assertThatThrownBy(() -> client.produceOneSync("produce-it-small", 0, ProduceRecord.of(null, new byte[10_000]),
                    ProduceOptions.defaults())).isInstanceOf(KafkaRecordTooLargeException.class)
                    .hasMessageContaining("produce-it-small-0");
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(KafkaTestCluster cluster, String topic, int partition, int count) {
        return JavaConsumerReads.read(cluster, topic, partition, count);
    }

    private static KafkaExClient client(KafkaTestCluster cluster) {
        return KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers())
                .clientId("produce-it").build());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
