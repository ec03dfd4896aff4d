package io.kafkaex.protocol.record.compression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;

import static io.kafkaex.protocol.record.compression.TestData.KIB;
import static io.kafkaex.protocol.record.compression.TestData.MIB;
import static org.assertj.core.api.Assertions.assertThat;

/** Our codecs against kafka-clients' for magic v2: each side reads what the other writes. */
class KafkaInteropTest {

    static Stream<Arguments> compressedTypesAndInputs() {
        return Stream.of(CompressionType.GZIP, CompressionType.SNAPPY, CompressionType.LZ4, CompressionType.ZSTD)
                .flatMap(type -> Stream.of(
                        Arguments.of(type, "empty", new byte[0]),
                        Arguments.of(type, "one byte", new byte[] {-1}),
                        Arguments.of(type, "100 KiB text", TestData.text(100 * KIB)),
                        Arguments.of(type, "1 MiB random", TestData.random(MIB, 11))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("compressedTypesAndInputs")
    void kafkaReadsWhatWeWrite(CompressionType type, String name, byte[] records) {
        ByteBuffer compressed = type.codec().compress(ByteBuffer.wrap(records));

        assertThat(KafkaOracle.decompress(type, compressed)).isEqualTo(records);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("compressedTypesAndInputs")
    void weReadWhatKafkaWrites(CompressionType type, String name, byte[] records) {
        byte[] compressed = KafkaOracle.compress(type, records);

        ByteBuffer decompressed = type.codec().decompress(ByteBuffer.wrap(compressed), records.length);

        assertThat(TestData.toArray(decompressed)).isEqualTo(records);
    }

    @Test
    void lz4FramesAreByteForByteWhatKafkaWrites() {
        for (byte[] records : new byte[][] {new byte[0], TestData.text(200 * KIB), TestData.random(100 * KIB, 3)}) {
            byte[] ours = TestData.toArray(CompressionType.LZ4.codec().compress(ByteBuffer.wrap(records)));

            assertThat(ours).isEqualTo(KafkaOracle.compress(CompressionType.LZ4, records));
            assertThat(Arrays.copyOfRange(ours, 4, 6)).containsExactly(0x60, 0x40);
        }
    }

    @Test
    void snappyChunksAreByteForByteWhatKafkaWrites() {
        byte[] records = TestData.text(100 * KIB);

        byte[] ours = TestData.toArray(CompressionType.SNAPPY.codec().compress(ByteBuffer.wrap(records)));

        assertThat(ours).isEqualTo(KafkaOracle.compress(CompressionType.SNAPPY, records));
    }
}
