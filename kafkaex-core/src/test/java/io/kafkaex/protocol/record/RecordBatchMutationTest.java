package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordBatchReaderTest.concat;
import static io.kafkaex.protocol.record.RecordSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.record.compression.CompressionType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded mutations of valid fetched bytes (flipped bytes, overwritten ints, truncations, each with the
 * checksums fixed up half the time so the damage reaches the record decoding) must decode or throw
 * {@link ProtocolException}: no other exception, no huge allocation, no endless loop.
 */
class RecordBatchMutationTest {

    private static final int MUTATIONS = 2_000;
    private static final int MAX_DECOMPRESSED = 64 * 1024;

    @Test
    void mutatedBatchesDecodeOrThrowProtocolException() {
        assertOnlyProtocolExceptions(corpus(), 0);
    }

    private static void assertOnlyProtocolExceptions(ByteBuffer valid, long seed) {
        Random random = new Random(20_240_601L + seed);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTATIONS; i++) {
                ByteBuffer mutated = mutate(valid, random);
                if (random.nextBoolean()) {
                    fixChecksums(mutated);
                }
                try {
                    readEverything(mutated);
                    outcomes[0]++;
                } catch (ProtocolException expected) {
                    outcomes[1]++;
                } catch (RuntimeException | Error unexpected) {
                    throw new AssertionError("Mutation " + i + " of " + RecordBatchReaderTest.hex(mutated), unexpected);
                }
            }
        });
        assertThat(outcomes[0]).as("decoded").isPositive();
        assertThat(outcomes[1]).as("rejected").isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void mutatedCompressedBatchesDecodeOrThrowProtocolException(CompressionType compression) {
        ByteBuffer data = data(new RecordBatchBuilder(ByteBuffer.allocate(256)).compression(compression.codec()));
        MemoryRecordsBuilder kafka = MemoryRecords.builder(ByteBuffer.allocate(256), (byte) 1,
                Compression.of(compression == CompressionType.ZSTD ? "gzip" : compression.kafkaName()).build(),
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 20L);
        kafka.append(30L, utf8("a"), utf8("b"));
        kafka.append(31L, null, utf8("c"));
        assertOnlyProtocolExceptions(concat(data, kafka.build().buffer()), compression.id());
    }

    private static ByteBuffer corpus() {
        ByteBuffer marker = new RecordBatchBuilder(ByteBuffer.allocate(128))
                .baseOffset(5)
                .appendEndTransactionMarker(13L, new EndTransactionMarker(ControlRecordType.ABORT, 2))
                .build();
        return concat(data(new RecordBatchBuilder(ByteBuffer.allocate(256))), marker,
                RecordBatchReaderTest.kafkaLegacy((byte) 1));
    }

    private static ByteBuffer data(RecordBatchBuilder builder) {
        return builder.baseOffset(3)
                .producer(9L, (short) 1, 0)
                .append(10L, utf8("key"), utf8("value"), new Header[] {Header.of("h", utf8("x")), Header.of("n", null)})
                .append(12L, (byte[]) null, utf8("v2"), null)
                .build();
    }

    private static ByteBuffer mutate(ByteBuffer valid, Random random) {
        ByteBuffer copy = concat(valid);
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    copy.put(random.nextInt(copy.limit()), (byte) random.nextInt(256));
                }
            }
            case 1 -> copy.putInt(random.nextInt(copy.limit() - 3), random.nextBoolean() ? random.nextInt() : random.nextInt(300) - 2);
            default -> copy.limit(random.nextInt(copy.limit()));
        }
        return copy;
    }

    /** Recomputes the checksum of every entry whose framing is still intact. */
    private static void fixChecksums(ByteBuffer buffer) {
        int position = 0;
        while (position + 17 <= buffer.limit()) {
            int length = buffer.getInt(position + 8);
            if (length < 14 || length > buffer.limit() - position - 12) {
                return;
            }
            int end = position + 12 + length;
            byte magic = buffer.get(position + 16);
            if (magic == 2 && length >= 49) {
                CRC32C crc = new CRC32C();
                crc.update(buffer.slice(position + 21, end - position - 21));
                buffer.putInt(position + 17, (int) crc.getValue());
            } else if (magic == 0 || magic == 1) {
                CRC32 crc = new CRC32();
                crc.update(buffer.slice(position + 16, end - position - 16));
                buffer.putInt(position + 12, (int) crc.getValue());
            }
            position = end;
        }
    }

    private static void readEverything(ByteBuffer buffer) {
        RecordBatchReader reader = new RecordBatchReader(buffer, MAX_DECOMPRESSED);
        while (reader.hasNext()) {
            RecordBatch batch = reader.next();
            String fields = batch.baseOffset() + " " + batch.lastOffset() + " " + batch.maxTimestamp() + " "
                    + batch.timestampType() + " " + batch.compressionType() + " " + batch.producerId()
                    + batch.isTransactional() + batch.isControlBatch() + batch.sizeInBytes();
            assertThat(fields).isNotEmpty();
            for (Record record : batch) {
                record.headers().forEach(header -> assertThat(header.key()).isNotNull());
                ControlRecordType type = record.isControl() ? ControlRecordType.parse(record.key()) : ControlRecordType.UNKNOWN;
                if (type != ControlRecordType.UNKNOWN) {
                    assertThat(EndTransactionMarker.of(record).type()).isEqualTo(type);
                }
            }
        }
    }
}
