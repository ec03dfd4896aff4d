package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.cluster.TopicInfo;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.message.ProduceRequest;
import io.kafkaex.protocol.record.compression.CompressionType;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Produce request per version (kafka_ex accepted zstd below v7: known bug 10). */
class DirectProducerRequestTest {

    private static final TopicInfo TOPIC = new TopicInfo("orders", UUID.randomUUID(), false, KafkaError.NONE, List.of());
    private static final ByteBuffer BATCH = ByteBuffer.wrap(new byte[] {1, 2, 3});

    @Test
    void zstdIsRefusedBelowVersionSevenWithTheReason() {
        ProduceOptions zstd = ProduceOptions.defaults().withCompression(CompressionType.ZSTD);

        assertThatThrownBy(() -> DirectProducer.request((short) 6, TOPIC, 0, BATCH, zstd))
                .isInstanceOf(KafkaErrorException.class)
                .satisfies(e -> assertThat(((KafkaErrorException) e).error()).isEqualTo(KafkaError.UNSUPPORTED_COMPRESSION_TYPE))
                .hasMessageContaining("zstd needs Produce v7").hasMessageContaining("v6");
        assertThat(DirectProducer.request((short) 7, TOPIC, 0, BATCH, zstd).topicData()).singleElement()
                .satisfies(data -> assertThat(data.name()).isEqualTo("orders"));
        assertThat(DirectProducer.request((short) 6, TOPIC, 0, BATCH,
                ProduceOptions.defaults().withCompression(CompressionType.LZ4)).acks()).as("acks=all on the wire").isEqualTo((short) -1);
    }

    @Test
    void version13NamesTheTopicByIdAndTheWireAcksAreTheOptionsOwn() {
        ProduceRequest request = DirectProducer.request((short) 13, TOPIC, 2, BATCH, ProduceOptions.defaults().withAcks(Acks.LEADER));

        assertThat(request.acks()).isEqualTo((short) 1);
        assertThat(request.topicData()).singleElement().satisfies(data -> {
            assertThat(data.topicId()).isEqualTo(TOPIC.topicId());
            assertThat(data.partitionData()).singleElement().satisfies(p -> assertThat(p.index()).isEqualTo(2));
        });
    }
}
