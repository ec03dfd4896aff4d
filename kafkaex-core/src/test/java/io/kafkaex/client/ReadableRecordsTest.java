package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.record.ControlRecordType;
import io.kafkaex.protocol.record.EndTransactionMarker;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.protocol.record.RecordBatchBuilder;
import io.kafkaex.protocol.record.RecordBatchReader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadableRecordsTest {

    private static final long ABORTING_PRODUCER = 7;
    private static final long COMMITTING_PRODUCER = 8;

    /**
     * Offsets: 0 plain "a"; 1-2 producer 7 transactional "x","y"; 3 producer 8 transactional "c";
     * 4 producer 7 ABORT marker; 5 producer 8 COMMIT marker; 6 plain "d".
     */
    private final ByteBuffer log = concat(
            batch(0, -1, false, "a"),
            batch(1, ABORTING_PRODUCER, true, "x", "y"),
            batch(3, COMMITTING_PRODUCER, true, "c"),
            marker(4, ABORTING_PRODUCER, ControlRecordType.ABORT),
            marker(5, COMMITTING_PRODUCER, ControlRecordType.COMMIT),
            batch(6, -1, false, "d"));

    @Test
    void readCommittedHidesAbortedTransactionsAndControlRecords() {
        List<Record> records = ReadableRecords.select(reader(), 0, true,
                List.of(new ReadableRecords.AbortedTransaction(ABORTING_PRODUCER, 1)));

        assertThat(values(records)).containsExactly("a", "c", "d");
    }

    @Test
    void readUncommittedShowsEveryDataRecordButNoControlRecord() {
        List<Record> records = ReadableRecords.select(reader(), 0, false,
                List.of(new ReadableRecords.AbortedTransaction(ABORTING_PRODUCER, 1)));

        assertThat(values(records)).containsExactly("a", "x", "y", "c", "d");
    }

    @Test
    void recordsBeforeTheRequestedOffsetInsideABatchAreSkipped() {
        assertThat(values(ReadableRecords.select(reader(), 2, false, List.of()))).containsExactly("y", "c", "d");
    }

    private RecordBatchReader reader() {
        return new RecordBatchReader(log.duplicate(), 1 << 20);
    }

    private static List<String> values(List<Record> records) {
        return records.stream().map(r -> StandardCharsets.UTF_8.decode(r.value().duplicate()).toString()).toList();
    }

    private static ByteBuffer batch(long baseOffset, long producerId, boolean transactional, String... values) {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(1024)).baseOffset(baseOffset)
                .producer(producerId, (short) (producerId < 0 ? -1 : 0), producerId < 0 ? -1 : 0).transactional(transactional);
        for (String value : values) {
            builder.append(1L, null, value.getBytes(StandardCharsets.UTF_8), (Header[]) null);
        }
        return builder.build();
    }

    private static ByteBuffer marker(long offset, long producerId, ControlRecordType type) {
        return new RecordBatchBuilder(ByteBuffer.allocate(256)).baseOffset(offset).producer(producerId, (short) 0, -1)
                .transactional(true).appendEndTransactionMarker(1L, new EndTransactionMarker(type, 0)).build();
    }

    private static ByteBuffer concat(ByteBuffer... batches) {
        ByteBuffer all = ByteBuffer.allocate(java.util.Arrays.stream(batches).mapToInt(ByteBuffer::remaining).sum());
        for (ByteBuffer batch : batches) {
            all.put(batch);
        }
        return all.flip();
    }
}
