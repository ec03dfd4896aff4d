package io.kafkaex.protocol.record.compression;

import io.kafkaex.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import static io.kafkaex.protocol.record.compression.TestData.KIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Damaged compressed bytes must end in {@link ProtocolException}, never another exception, an error, a hang
 * or an oversized allocation. Only gzip carries a checksum of the content by default (Kafka relies on the
 * batch CRC for the others), so a flipped byte may leave snappy, lz4 or zstd data decodable: there the test
 * accepts a result, but requires that some flips are caught.
 */
@Timeout(120)
class CorruptInputTest {

    private static final byte[] RECORDS = TestData.text(100 * KIB);
    private static final int BOUND = 4 * RECORDS.length;
    private static final int ATTEMPTS = 300;

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void flippedBytesAreCaughtOrHarmless(CompressionType type) {
        CompressionCodec codec = type.codec();
        byte[] compressed = TestData.toArray(codec.compress(ByteBuffer.wrap(RECORDS)));
        Random random = new Random(type.id());
        int caught = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            byte[] damaged = compressed.clone();
            int index = random.nextInt(damaged.length);
            damaged[index] ^= (byte) (1 + random.nextInt(255));
            try {
                byte[] result = TestData.toArray(codec.decompress(ByteBuffer.wrap(damaged), BOUND));
                if (type == CompressionType.GZIP) {
                    // Header fields such as the modification time are not checked; the CRC covers the content.
                    assertThat(result).as("gzip flip at %d", index).isEqualTo(RECORDS);
                }
            } catch (ProtocolException expected) {
                caught++;
            } catch (Throwable other) {
                fail("flip at " + index + " threw " + other, other);
            }
        }
        assertThat(caught).isGreaterThan(ATTEMPTS / 10);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"GZIP", "LZ4", "ZSTD"})
    void truncationIsCaught(CompressionType type) {
        CompressionCodec codec = type.codec();
        byte[] compressed = TestData.toArray(codec.compress(ByteBuffer.wrap(RECORDS)));
        Random random = new Random(type.id());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int length = 1 + random.nextInt(compressed.length - 1);
            ByteBuffer truncated = ByteBuffer.wrap(compressed, 0, length);

            assertThatThrownBy(() -> codec.decompress(truncated, BOUND)).as("truncated to %d", length)
                    .isInstanceOf(ProtocolException.class);
        }
    }

    /** The xerial framing has no end mark: a cut between chunks reads as a shorter stream. */
    @Test
    void truncatedSnappyIsCaughtUnlessCutBetweenChunks() {
        CompressionCodec codec = CompressionType.SNAPPY.codec();
        byte[] compressed = TestData.toArray(codec.compress(ByteBuffer.wrap(RECORDS)));
        Random random = new Random(2);
        int caught = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int length = 1 + random.nextInt(compressed.length - 1);
            try {
                byte[] result = TestData.toArray(codec.decompress(ByteBuffer.wrap(compressed, 0, length), BOUND));
                assertThat(result.length).as("cut at %d", length).isLessThan(RECORDS.length);
                assertThat(result).isEqualTo(Arrays.copyOf(RECORDS, result.length));
            } catch (ProtocolException expected) {
                caught++;
            }
        }
        assertThat(caught).isGreaterThan(ATTEMPTS * 9 / 10);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void randomGarbageIsRejected(CompressionType type) {
        CompressionCodec codec = type.codec();
        Random random = new Random(100 + type.id());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            byte[] garbage = new byte[16 + random.nextInt(4 * KIB)];
            random.nextBytes(garbage);

            assertThatThrownBy(() -> codec.decompress(ByteBuffer.wrap(garbage), BOUND))
                    .isInstanceOf(ProtocolException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void garbageAfterAValidHeaderIsRejected(CompressionType type) {
        CompressionCodec codec = type.codec();
        byte[] compressed = TestData.toArray(codec.compress(ByteBuffer.wrap(RECORDS)));
        int headerLength = switch (type) {
            case GZIP -> 10;
            case SNAPPY -> 16;
            case LZ4 -> 7;
            default -> 4;
        };
        Random random = new Random(200 + type.id());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            byte[] damaged = Arrays.copyOf(compressed, headerLength + 16 + random.nextInt(4 * KIB));
            byte[] garbage = new byte[damaged.length - headerLength];
            random.nextBytes(garbage);
            System.arraycopy(garbage, 0, damaged, headerLength, garbage.length);

            assertThatThrownBy(() -> codec.decompress(ByteBuffer.wrap(damaged), BOUND))
                    .isInstanceOf(ProtocolException.class);
        }
    }
}
