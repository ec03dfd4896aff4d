package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordSamples.readOurs;
import static io.kafkaex.protocol.record.RecordSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.record.compression.CompressionType;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.CRC32;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@link RecordBatchReader} treats partial, corrupt and hostile bytes. */
class RecordBatchReaderTest {

    @Test
    void readsConsecutiveBatchesAndStopsCleanlyAtAPartialOne() {
        ByteBuffer first = batch(0, 3);
        ByteBuffer second = batch(3, 2);
        for (int cut = 0; cut < second.remaining(); cut++) {
            ByteBuffer fetched = concat(first, second.duplicate().limit(cut));
            assertThat(readOurs(fetched)).hasSize(3);
        }
        assertThat(readOurs(concat(first, second))).extracting(line -> line.split("\\|")[0])
                .containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void stopsCleanlyAtAPartialLegacyMessage() {
        ByteBuffer legacy = kafkaLegacy((byte) 1);
        ByteBuffer cut = legacy.duplicate().limit(legacy.limit() - 1);
        assertThat(readOurs(cut)).containsExactly("10|100|CREATE_TIME|61|62|");
    }

    @Test
    void doesNotMoveTheGivenBuffer() {
        ByteBuffer fetched = batch(0, 2);
        readOurs(fetched);
        assertThat(fetched.position()).isZero();
    }

    @Test
    void badChecksumNamesTheOffset() {
        ByteBuffer batch = batch(42, 2);
        batch.put(batch.limit() - 2, (byte) 0x55);
        assertThatThrownBy(() -> readOurs(batch)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("offset 42").hasMessageContaining("CRC");
    }

    @Test
    void badLegacyChecksumNamesTheOffset() {
        ByteBuffer legacy = kafkaLegacy((byte) 0);
        legacy.put(legacy.limit() - 1, (byte) 0x55);
        assertThatThrownBy(() -> readOurs(legacy)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("offset 11").hasMessageContaining("CRC");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE, 13})
    void impossibleBatchLengthsAreRejectedNotLoopedOn(int length) {
        ByteBuffer batch = batch(7, 1);
        batch.putInt(8, length);
        assertThatThrownBy(() -> readOurs(batch)).isInstanceOf(ProtocolException.class).hasMessageContaining("offset 7");
    }

    @Test
    void aV2BatchShorterThanItsHeaderIsRejected() {
        ByteBuffer batch = batch(7, 1);
        batch.putInt(8, 30);
        assertThatThrownBy(() -> readOurs(batch)).isInstanceOf(ProtocolException.class).hasMessageContaining("magic 2");
    }

    @Test
    void aHugeLengthIsAPartialBatch() {
        ByteBuffer batch = batch(7, 1);
        batch.putInt(8, Integer.MAX_VALUE);
        assertThat(readOurs(batch)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(bytes = {3, -1, 127})
    void unknownMagicIsRejected(byte magic) {
        ByteBuffer batch = batch(7, 1);
        batch.put(16, magic);
        assertThatThrownBy(() -> readOurs(batch)).isInstanceOf(ProtocolException.class).hasMessageContaining("magic");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4, 1_000_000, Integer.MAX_VALUE})
    void recordCountsThatCannotFitAreRejectedBeforeReading(int count) {
        ByteBuffer batch = batch(7, 2);
        batch.putInt(57, count);
        fixCrc(batch);
        assertThatThrownBy(() -> new RecordBatchReader(batch, 1024).next()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("claims " + count + " records");
    }

    @Test
    void bytesAfterTheLastRecordAreRejected() {
        ByteBuffer batch = batch(7, 2);
        batch.putInt(57, 1);
        fixCrc(batch);
        assertThatThrownBy(() -> readOurs(batch)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("follow the last of 1 records");
    }

    @Test
    void hostileVarintsAreRejected() {
        ByteBuffer batch = batch(7, 1);
        for (int i = 61; i < 67; i++) {
            batch.put(i, (byte) 0xff);
        }
        fixCrc(batch);
        assertThatThrownBy(() -> readOurs(batch)).isInstanceOf(ProtocolException.class).hasMessageContaining("varint");
    }

    @Test
    void aRecordLengthThatDisagreesWithItsFieldsIsRejected() {
        ByteBuffer batch = batch(7, 2);
        batch.put(61, (byte) (batch.get(61) - 2)); // one less, zig-zag
        fixCrc(batch);
        assertThatThrownBy(() -> readOurs(batch)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("its fields take");
    }

    @Test
    void aHugeHeaderCountIsRejected() {
        ByteBuffer batch = new RecordBatchBuilder(ByteBuffer.allocate(128))
                .append(1, (byte[]) null, null, new Header[] {Header.of("h", null)})
                .build();
        batch.put(batch.limit() - 4, (byte) 0x7e); // header count 63
        fixCrc(batch);
        assertThatThrownBy(() -> readOurs(batch)).isInstanceOf(ProtocolException.class).hasMessageContaining("63 headers");
    }

    @Test
    void decompressionStopsAtTheCallersBound() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(256)).baseOffset(9)
                .compression(CompressionType.GZIP.codec());
        for (int i = 0; i < 10; i++) {
            builder.append(i, null, new byte[1000], null);
        }
        ByteBuffer batch = builder.build();

        assertThat(batch.remaining()).isLessThan(500);
        assertThat(readAll(batch, 20_000)).hasSize(10);
        assertThatThrownBy(() -> readAll(batch, 5_000)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("offset 9").hasMessageContaining("gzip");
        assertThatThrownBy(() -> new RecordBatchReader(batch, 69).next()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("claims 10 records");
    }

    @Test
    void unknownCompressionIdIsRejected() {
        ByteBuffer batch = batch(7, 1);
        batch.putShort(21, (short) 5);
        fixCrc(batch);
        assertThatThrownBy(() -> readOurs(batch)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("compression type id 5");
    }

    @Test
    void compressedLegacyWrapperWithNullValueIsRejected() {
        MemoryRecordsBuilder kafka = MemoryRecords.builder(ByteBuffer.allocate(64), (byte) 0, Compression.NONE,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 10L);
        kafka.append(100L, utf8("a"), null);
        ByteBuffer wrapper = kafka.build().buffer();
        wrapper.put(17, (byte) 1); // gzip
        fixLegacyCrc(wrapper);
        assertThatThrownBy(() -> readOurs(wrapper)).isInstanceOf(ProtocolException.class).hasMessageContaining("null value");
    }

    @Test
    void iteratorsEndLikeIterators() {
        RecordBatchReader reader = new RecordBatchReader(ByteBuffer.allocate(5), 0);
        assertThat(reader.hasNext()).isFalse();
        assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> new RecordBatchReader(ByteBuffer.allocate(0), -1)).isInstanceOf(IllegalArgumentException.class);
        var records = new RecordBatchReader(batch(0, 1), 0).next().iterator();
        records.next();
        assertThatThrownBy(records::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void legacyBatchesReportNoProducerState() {
        List<RecordBatch> batches = new java.util.ArrayList<>();
        new RecordBatchReader(kafkaLegacy((byte) 1), 0).forEachRemaining(batches::add);
        RecordBatch first = batches.get(0);
        assertThat(first.lastOffset()).isEqualTo(10);
        assertThat(first.nextOffset()).isEqualTo(11);
        assertThat(first.maxTimestamp()).isEqualTo(100);
        assertThat(first.compressionType()).isEqualTo(CompressionType.NONE);
        assertThat(first.partitionLeaderEpoch()).isEqualTo(-1);
        assertThat(first.producerEpoch()).isEqualTo((short) -1);
        assertThat(first.baseSequence()).isEqualTo(-1);
        assertThat(first.sizeInBytes()).isEqualTo(12 + first.sizeInBytes() - 12);
        assertThat(first.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
    }

    private static List<Record> readAll(ByteBuffer buffer, int maxDecompressedBytes) {
        List<Record> records = new java.util.ArrayList<>();
        new RecordBatchReader(buffer, maxDecompressedBytes).forEachRemaining(batch -> batch.forEach(records::add));
        return records;
    }

    static ByteBuffer batch(long baseOffset, int records) {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(256)).baseOffset(baseOffset);
        for (int i = 0; i < records; i++) {
            builder.append(100 + i, utf8("k" + i), utf8("v" + i), null);
        }
        return builder.build();
    }

    /** Two uncompressed legacy messages at offsets 10 and 11, built by Kafka. */
    static ByteBuffer kafkaLegacy(byte magic) {
        MemoryRecordsBuilder kafka = MemoryRecords.builder(ByteBuffer.allocate(256), magic, Compression.NONE,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 10L);
        kafka.append(100L, utf8("a"), utf8("b"));
        kafka.append(101L, null, utf8("c"));
        return kafka.build().buffer();
    }

    static void fixCrc(ByteBuffer batch) {
        batch.putInt(17, (int) RecordBatchBuilderTest.crc32c(batch, 21));
    }

    static void fixLegacyCrc(ByteBuffer message) {
        CRC32 crc = new CRC32();
        crc.update(message.duplicate().position(16));
        message.putInt(12, (int) crc.getValue());
    }

    static ByteBuffer concat(ByteBuffer... parts) {
        int size = 0;
        for (ByteBuffer part : parts) {
            size += part.remaining();
        }
        ByteBuffer all = ByteBuffer.allocate(size);
        for (ByteBuffer part : parts) {
            all.put(part.duplicate());
        }
        return all.flip();
    }

    static String hex(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
