package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordSamples.MAX_DECOMPRESSED;
import static io.kafkaex.protocol.record.RecordSamples.describe;
import static io.kafkaex.protocol.record.RecordSamples.readOurs;
import static io.kafkaex.protocol.record.RecordSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.record.compression.CompressionType;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Our batches against Kafka's own record classes (test-scope oracle), in both directions. */
class KafkaInteropTest {

    private static final long BASE_TIMESTAMP = 1_700_000_000_000L;

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void kafkaReadsOurBatchIdentically(CompressionType compression) {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(64))
                .compression(compression.codec())
                .baseOffset(1000)
                .partitionLeaderEpoch(7)
                .producer(4242L, (short) 3, 17)
                .transactional(true);
        appendSamples(builder);
        ByteBuffer built = builder.build();

        MemoryRecords records = MemoryRecords.readableRecords(built.duplicate());
        List<String> kafka = new ArrayList<>();
        for (MutableRecordBatch batch : records.batches()) {
            assertThat(batch.isValid()).isTrue();
            batch.ensureValid();
            assertThat(batch.baseOffset()).isEqualTo(1000);
            assertThat(batch.lastOffset()).isEqualTo(1003);
            assertThat(batch.partitionLeaderEpoch()).isEqualTo(7);
            assertThat(batch.producerId()).isEqualTo(4242L);
            assertThat(batch.producerEpoch()).isEqualTo((short) 3);
            assertThat(batch.baseSequence()).isEqualTo(17);
            assertThat(batch.isTransactional()).isTrue();
            assertThat(batch.isControlBatch()).isFalse();
            assertThat((int) batch.compressionType().id).isEqualTo(compression.id());
            assertThat(batch.maxTimestamp()).isEqualTo(BASE_TIMESTAMP + 50);
            batch.forEach(record -> kafka.add(describe(record, batch.timestampType())));
        }
        assertThat(kafka).hasSize(4).isEqualTo(readOurs(built));
    }

    @Test
    void kafkaReadsOurLogAppendTimeAndDeleteHorizon() {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(256))
                .deleteHorizonMs(BASE_TIMESTAMP - 5)
                .logAppendTime(BASE_TIMESTAMP + 99);
        appendSamples(builder);
        ByteBuffer built = builder.build();

        MutableRecordBatch batch = MemoryRecords.readableRecords(built.duplicate()).batches().iterator().next();
        batch.ensureValid();
        assertThat(batch.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(batch.deleteHorizonMs()).hasValue(BASE_TIMESTAMP - 5);
        List<String> kafka = new ArrayList<>();
        batch.forEach(record -> kafka.add(describe(record, batch.timestampType())));
        assertThat(kafka).isEqualTo(readOurs(built)).allMatch(line -> line.contains("|" + (BASE_TIMESTAMP + 99) + "|"));
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void weReadKafkaBatchesIdentically(CompressionType compression) {
        boolean transactional = compression.id() % 2 == 0;
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        MemoryRecordsBuilder kafka = MemoryRecords.builder(buffer, (byte) 2, kafka(compression), TimestampType.CREATE_TIME,
                500L, -1L, 99L, (short) 2, 40, transactional, 11);
        appendSamples(kafka);
        MemoryRecords built = kafka.build();

        RecordBatchReader reader = new RecordBatchReader(built.buffer(), MAX_DECOMPRESSED);
        RecordBatch batch = reader.next();
        assertThat(reader.hasNext()).isFalse();
        assertThat(batch.magic()).isEqualTo((byte) 2);
        assertThat(batch.baseOffset()).isEqualTo(500);
        assertThat(batch.lastOffset()).isEqualTo(503);
        assertThat(batch.partitionLeaderEpoch()).isEqualTo(11);
        assertThat(batch.producerId()).isEqualTo(99L);
        assertThat(batch.producerEpoch()).isEqualTo((short) 2);
        assertThat(batch.baseSequence()).isEqualTo(40);
        assertThat(batch.isTransactional()).isEqualTo(transactional);
        assertThat(batch.compressionType()).isEqualTo(compression);
        assertThat(batch.maxTimestamp()).isEqualTo(BASE_TIMESTAMP + 50);
        assertThat(readOurs(built.buffer())).isEqualTo(kafkaRecords(built));
    }

    @ParameterizedTest
    @ValueSource(bytes = {0, 1})
    void weReadKafkaLegacyMessagesIdentically(byte magic) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        MemoryRecordsBuilder kafka = MemoryRecords.builder(buffer, magic, Compression.NONE, TimestampType.CREATE_TIME, 30L);
        appendSamples(kafka);
        MemoryRecords built = kafka.build();

        List<RecordBatch> batches = new ArrayList<>();
        new RecordBatchReader(built.buffer(), MAX_DECOMPRESSED).forEachRemaining(batches::add);
        assertThat(batches).hasSize(4).allMatch(batch -> batch.magic() == magic && batch.producerId() == -1
                && !batch.isTransactional() && !batch.isControlBatch());
        assertThat(batches.get(3).baseOffset()).isEqualTo(33);
        assertThat(readOurs(built.buffer())).isEqualTo(kafkaRecords(built));
    }

    @ParameterizedTest
    @CsvSource({"0,GZIP,CREATE_TIME", "0,SNAPPY,CREATE_TIME", "1,GZIP,CREATE_TIME",
            "1,SNAPPY,LOG_APPEND_TIME", "1,LZ4,CREATE_TIME", "1,GZIP,LOG_APPEND_TIME"})
    void weReadKafkaCompressedLegacyWrappersIdentically(byte magic, CompressionType compression, TimestampType type) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        MemoryRecordsBuilder kafka = MemoryRecords.builder(buffer, magic, kafka(compression), type, 30L, BASE_TIMESTAMP + 1000);
        appendSamples(kafka);
        MemoryRecords built = kafka.build();

        List<RecordBatch> batches = new ArrayList<>();
        new RecordBatchReader(built.buffer(), MAX_DECOMPRESSED).forEachRemaining(batches::add);
        assertThat(batches).singleElement().satisfies(wrapper -> {
            assertThat(wrapper.compressionType()).isEqualTo(compression);
            assertThat(wrapper.baseOffset()).isEqualTo(30);
            assertThat(wrapper.lastOffset()).isEqualTo(33);
        });
        assertThat(readOurs(built.buffer())).hasSize(4).isEqualTo(kafkaRecords(built));
    }

    /**
     * Kafka writes v0 LZ4 wrappers with the old frame descriptor checksum (computed over the LZ4 magic too);
     * we accept that checksum for magic 0 only, so data written by old producers is read, not rejected.
     */
    @Test
    void legacyV0Lz4WithTheOldDescriptorChecksumIsRead() {
        MemoryRecordsBuilder kafka = MemoryRecords.builder(ByteBuffer.allocate(4096), (byte) 0, kafka(CompressionType.LZ4),
                TimestampType.CREATE_TIME, 30L);
        appendSamples(kafka);
        MemoryRecords built = kafka.build();

        assertThat(readOurs(built.buffer())).isEqualTo(kafkaRecords(built));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void weReadKafkaTransactionMarkers(boolean commit) {
        ControlRecordType type = commit ? ControlRecordType.COMMIT : ControlRecordType.ABORT;
        MemoryRecords marker = MemoryRecords.withEndTransactionMarker(77L, BASE_TIMESTAMP, 5, 123L, (short) 4,
                new EndTransactionMarker(type, 9));

        RecordBatch batch = new RecordBatchReader(marker.buffer(), MAX_DECOMPRESSED).next();
        assertThat(batch.isControlBatch()).isTrue();
        assertThat(batch.isTransactional()).isTrue();
        assertThat(batch.producerId()).isEqualTo(123L);
        assertThat(batch.producerEpoch()).isEqualTo((short) 4);
        Record record = batch.iterator().next();
        assertThat(record.isControl()).isTrue();
        assertThat(record.offset()).isEqualTo(77L);
        assertThat(io.kafkaex.protocol.record.EndTransactionMarker.of(record)).isEqualTo(
                new io.kafkaex.protocol.record.EndTransactionMarker(
                        commit ? io.kafkaex.protocol.record.ControlRecordType.COMMIT
                                : io.kafkaex.protocol.record.ControlRecordType.ABORT, 9));
    }

    @Test
    void kafkaReadsOurTransactionMarker() {
        ByteBuffer built = new RecordBatchBuilder(ByteBuffer.allocate(128))
                .baseOffset(77L)
                .partitionLeaderEpoch(5)
                .producer(123L, (short) 4, -1)
                .appendEndTransactionMarker(BASE_TIMESTAMP, new io.kafkaex.protocol.record.EndTransactionMarker(
                        io.kafkaex.protocol.record.ControlRecordType.COMMIT, 9))
                .build();

        MutableRecordBatch batch = MemoryRecords.readableRecords(built).batches().iterator().next();
        batch.ensureValid();
        assertThat(batch.isControlBatch()).isTrue();
        assertThat(batch.isTransactional()).isTrue();
        assertThat(ControlRecordType.parse(batch.iterator().next().key())).isEqualTo(ControlRecordType.COMMIT);
        assertThat(EndTransactionMarker.deserialize(batch.iterator().next()))
                .isEqualTo(new EndTransactionMarker(ControlRecordType.COMMIT, 9));
    }

    private static Compression kafka(CompressionType compression) {
        return Compression.of(compression.kafkaName()).build();
    }

    private static List<String> kafkaRecords(MemoryRecords records) {
        List<String> result = new ArrayList<>();
        for (MutableRecordBatch batch : records.batches()) {
            batch.ensureValid();
            batch.forEach(record -> result.add(describe(record, batch.timestampType())));
        }
        return result;
    }

    private static void appendSamples(RecordBatchBuilder builder) {
        builder.append(BASE_TIMESTAMP, utf8("key-0"), utf8("value-0"), null)
                .append(BASE_TIMESTAMP + 50, null, utf8("no key"), new Header[] {Header.of("trace", utf8("abc"))})
                .append(BASE_TIMESTAMP - 3, ByteBuffer.wrap(utf8("key-2")), null,
                        new Header[] {Header.of("é", null), Header.of("h2", new byte[0])})
                .append(BASE_TIMESTAMP + 7, new byte[0], new byte[100], null);
    }

    private static void appendSamples(MemoryRecordsBuilder builder) {
        builder.append(BASE_TIMESTAMP, utf8("key-0"), utf8("value-0"));
        builder.append(BASE_TIMESTAMP + 50, null, utf8("no key"));
        builder.append(BASE_TIMESTAMP - 3, utf8("key-2"), null);
        if (builder.magic() == 2) {
            builder.append(BASE_TIMESTAMP + 7, new byte[0], new byte[100],
                    new org.apache.kafka.common.header.Header[] {new RecordHeader("trace", utf8("abc")),
                            new RecordHeader("é", null)});
        } else {
            builder.append(BASE_TIMESTAMP + 7, new byte[0], new byte[100]);
        }
    }
}
