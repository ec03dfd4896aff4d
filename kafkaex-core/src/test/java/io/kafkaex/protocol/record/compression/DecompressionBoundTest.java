package io.kafkaex.protocol.record.compression;

import io.kafkaex.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;

import static io.kafkaex.protocol.record.compression.TestData.KIB;
import static io.kafkaex.protocol.record.compression.TestData.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class DecompressionBoundTest {

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void tenMebibytesOfZerosDoNotFitAOneMebibyteBound(CompressionType type) {
        // Kafka streams 160 chunks of 64 KiB, so the 10 MiB are never held in memory here.
        byte[] bomb = KafkaOracle.compressRepeated(type, new byte[64 * KIB], 160);
        assertThat(bomb.length).isLessThan(MIB / 2);

        assertThatThrownBy(() -> type.codec().decompress(ByteBuffer.wrap(bomb), MIB))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("bound of " + MIB + " bytes");
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void aBoundEqualToTheSizeIsEnoughAndOneLessIsNot(CompressionType type) {
        CompressionCodec codec = type.codec();
        byte[] records = TestData.text(100 * KIB);
        ByteBuffer compressed = codec.compress(ByteBuffer.wrap(records));

        assertThat(TestData.toArray(codec.decompress(compressed, records.length))).isEqualTo(records);
        assertThatThrownBy(() -> codec.decompress(compressed, records.length - 1))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("bound");
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void aZeroBoundAcceptsOnlyEmptyContent(CompressionType type) {
        CompressionCodec codec = type.codec();

        assertThat(codec.decompress(codec.compress(ByteBuffer.allocate(0)), 0).remaining()).isZero();
        assertThatThrownBy(() -> codec.decompress(codec.compress(ByteBuffer.wrap(new byte[] {1})), 0))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void aNegativeBoundIsAProgrammingError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompressionType.GZIP.codec().decompress(ByteBuffer.allocate(0), -1));
    }
}
