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
                List.of(new ReadableRecords.AbortedTransaction(ABORTING_PRODUCER, 1))).records();

        assertThat(values(records)).containsExactly("a", "c", "d");
    }

    @Test
    void readUncommittedShowsEveryDataRecordButNoControlRecord() {
        List<Record> records = ReadableRecords.select(reader(), 0, false,
                List.of(new ReadableRecords.AbortedTransaction(ABORTING_PRODUCER, 1))).records();

        assertThat(values(records)).containsExactly("a", "x", "y", "c", "d");
    }

    @Test
    void recordsBeforeTheRequestedOffsetInsideABatchAreSkipped() {
        assertThat(values(ReadableRecords.select(reader(), 2, false, List.of()).records())).containsExactly("y", "c", "d");
    }

    @Test
    void theNextOffsetFollowsTheLastBatchReadNotTheLastVisibleRecord() {
        ReadableRecords.Selection selection = ReadableRecords.select(reader(), 0, true,
                List.of(new ReadableRecords.AbortedTransaction(ABORTING_PRODUCER, 1)));

        assertThat(selection.nextOffset()).isEqualTo(7);
    }

    @Test
    void onlyControlRecordsMovePastTheMarkers() {
        ReadableRecords.Selection selection = ReadableRecords.select(
                reader(marker(4, ABORTING_PRODUCER, ControlRecordType.ABORT), marker(5, COMMITTING_PRODUCER, ControlRecordType.COMMIT)),
                4, true, List.of());

        assertThat(selection.records()).isEmpty();
        assertThat(selection.nextOffset()).isEqualTo(6);
    }

    @Test
    void onlyAnAbortedTransactionMovesPastItsRecordsAndMarker() {
        ReadableRecords.Selection selection = ReadableRecords.select(
                reader(batch(10, ABORTING_PRODUCER, true, "x", "y"), marker(12, ABORTING_PRODUCER, ControlRecordType.ABORT)),
                10, true, List.of(new ReadableRecords.AbortedTransaction(ABORTING_PRODUCER, 10)));

        assertThat(selection.records()).isEmpty();
        assertThat(selection.nextOffset()).isEqualTo(13);
    }

    @Test
    void aBatchStartingBeforeTheRequestedOffsetWithNothingLeftToReadIsMovedPast() {
        ReadableRecords.Selection selection = ReadableRecords.select(reader(batch(0, -1, false, "a", "b", "c")), 3, false,
                List.of());

        assertThat(selection.records()).isEmpty();
        assertThat(selection.nextOffset()).as("the batch ends at 2, before the requested offset: nothing new").isEqualTo(3);

        ReadableRecords.Selection straddling = ReadableRecords.select(reader(batch(0, -1, false, "a", "b", "c")), 2, false,
                List.of());
        assertThat(values(straddling.records())).containsExactly("c");
        assertThat(straddling.nextOffset()).isEqualTo(3);
    }

    @Test
    void nothingFetchedLeavesTheNextOffsetWhereItWas() {
        assertThat(ReadableRecords.select(reader(ByteBuffer.allocate(0)), 42, false, List.of()).nextOffset()).isEqualTo(42);
    }

    private RecordBatchReader reader() {
        return new RecordBatchReader(log.duplicate(), 1 << 20);
    }

    private static RecordBatchReader reader(ByteBuffer... batches) {
        return new RecordBatchReader(concat(batches), 1 << 20);
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
