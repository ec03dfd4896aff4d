package io.kafkaex.protocol.record.compression;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.stream.Stream;

import static io.kafkaex.protocol.record.compression.TestData.KIB;
import static io.kafkaex.protocol.record.compression.TestData.MIB;
import static org.assertj.core.api.Assertions.assertThat;

class CompressionCodecRoundTripTest {

    static Stream<Arguments> codecsAndInputs() {
        return Stream.of(CompressionType.values()).flatMap(type -> Stream.of(
                Arguments.of(type, "empty", new byte[0]),
                Arguments.of(type, "one byte", new byte[] {42}),
                Arguments.of(type, "100 KiB text", TestData.text(100 * KIB)),
                Arguments.of(type, "1 MiB random", TestData.random(MIB, 7))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("codecsAndInputs")
    void decompressGivesBackWhatWasCompressed(CompressionType type, String name, byte[] records) {
        CompressionCodec codec = type.codec();

        ByteBuffer compressed = codec.compress(ByteBuffer.wrap(records));
        ByteBuffer decompressed = codec.decompress(compressed, records.length);

        assertThat(decompressed.position()).isZero();
        assertThat(TestData.toArray(decompressed)).isEqualTo(records);
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void textShrinks(CompressionType type) {
        byte[] text = TestData.text(100 * KIB);

        int compressedSize = type.codec().compress(ByteBuffer.wrap(text)).remaining();

        if (type == CompressionType.NONE) {
            assertThat(compressedSize).isEqualTo(text.length);
        } else {
            assertThat(compressedSize).isLessThan(text.length / 3);
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void readsOnlyTheRemainingBytesOfSlicedDirectAndReadOnlyBuffersWithoutMovingThem(CompressionType type) {
        CompressionCodec codec = type.codec();
        byte[] records = TestData.text(70 * KIB);
        ByteBuffer framed = ByteBuffer.allocate(records.length + 20).position(10);
        framed.put(records).position(10).limit(10 + records.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(records.length).put(records).flip();

        ByteBuffer fromHeap = codec.compress(framed);
        ByteBuffer fromDirect = codec.compress(direct);
        ByteBuffer fromReadOnly = codec.compress(framed.asReadOnlyBuffer());

        assertThat(framed.position()).isEqualTo(10);
        assertThat(direct.position()).isZero();
        for (ByteBuffer compressed : new ByteBuffer[] {fromHeap, fromDirect, fromReadOnly}) {
            byte[] compressedBytes = TestData.toArray(compressed);
            ByteBuffer slice = ByteBuffer.allocate(compressedBytes.length + 9).position(5);
            slice.put(compressedBytes).position(5).limit(5 + compressedBytes.length);
            ByteBuffer directCompressed = ByteBuffer.allocateDirect(compressedBytes.length).put(compressedBytes).flip();

            assertThat(TestData.toArray(codec.decompress(slice, records.length))).isEqualTo(records);
            assertThat(TestData.toArray(codec.decompress(directCompressed, records.length))).isEqualTo(records);
            assertThat(TestData.toArray(codec.decompress(slice.asReadOnlyBuffer(), records.length)))
                    .isEqualTo(records);
            assertThat(slice.position()).isEqualTo(5);
            assertThat(directCompressed.position()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"GZIP", "LZ4", "ZSTD"})
    void everyLevelRoundTrips(CompressionType type) {
        byte[] text = TestData.text(100 * KIB);
        int[] levels = switch (type) {
            case GZIP -> new int[] {1, GzipCodec.DEFAULT_LEVEL, 9};
            case LZ4 -> new int[] {1, Lz4FrameCodec.DEFAULT_LEVEL, 17};
            default -> new int[] {-5, ZstdCodec.DEFAULT_LEVEL, 19};
        };
        for (int level : levels) {
            CompressionCodec codec = CompressionCodecs.forType(type, level);

            ByteBuffer compressed = codec.compress(ByteBuffer.wrap(text));

            assertThat(TestData.toArray(codec.decompress(compressed, text.length))).as("level %d", level)
                    .isEqualTo(text);
            assertThat(KafkaOracle.decompress(type, compressed)).as("Kafka reads level %d", level).isEqualTo(text);
        }
    }
}
