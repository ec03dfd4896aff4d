package io.kafkaex.protocol.record.compression;

import io.kafkaex.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompressionTypeTest {

    @Test
    void idsAreKafkaAttributeBits() {
        assertThat(CompressionType.values()).extracting(CompressionType::id).containsExactly(0, 1, 2, 3, 4);
        for (CompressionType type : CompressionType.values()) {
            assertThat(CompressionType.forId(type.id())).isSameAs(type);
        }
    }

    @Test
    void idsMatchKafka() {
        for (CompressionType type : CompressionType.values()) {
            assertThat(org.apache.kafka.common.record.internal.CompressionType.forId(type.id()).name)
                    .isEqualTo(type.kafkaName());
        }
    }

    @Test
    void unknownIdIsAProtocolError() {
        assertThatThrownBy(() -> CompressionType.forId(5))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("5");
        assertThatThrownBy(() -> CompressionType.forId(-1)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void forNameIgnoresCase() {
        assertThat(CompressionType.forName("lz4")).isSameAs(CompressionType.LZ4);
        assertThat(CompressionType.forName("ZStd")).isSameAs(CompressionType.ZSTD);
        assertThat(CompressionType.forName("NONE")).isSameAs(CompressionType.NONE);
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> CompressionType.forName("brotli"))
                .withMessageContaining("brotli").withMessageContaining("none, gzip, snappy, lz4, zstd");
    }

    @Test
    void codecOfATypeHasThatType() {
        for (CompressionType type : CompressionType.values()) {
            assertThat(type.codec().type()).isSameAs(type);
        }
    }
}
