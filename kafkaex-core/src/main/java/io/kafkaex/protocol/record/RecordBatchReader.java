package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordFormat.MAGIC_OFFSET;
import static io.kafkaex.protocol.record.RecordFormat.MAGIC_V2;

import io.kafkaex.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Iterates the batches in the records bytes of a fetched partition: magic v2 record batches and legacy
 * v0/v1 messages, in any mix. Each batch's length, magic and checksum are checked before it is handed out,
 * and a batch whose length or magic is impossible, or whose checksum is wrong, throws
 * {@link ProtocolException} naming its offset. A partial batch at the end (the broker cuts the response at
 * the fetch's max bytes) ends the iteration cleanly.
 *
 * <p>The given buffer is not modified; batches and records are views of it, so it must not change while
 * they are used. Compressed records are decompressed up to {@code maxDecompressedBytes} per batch.
 *
 * <p>Not thread-safe: one thread walks one reader.
 */
public final class RecordBatchReader implements Iterator<RecordBatch> {

    private final ByteBuffer buffer;
    private final int maxDecompressedBytes;
    private RecordBatch next;

    /**
     * @param records              the records bytes between position and limit
     * @param maxDecompressedBytes hard bound of the decompressed size of any one batch
     */
    public RecordBatchReader(ByteBuffer records, int maxDecompressedBytes) {
        if (maxDecompressedBytes < 0) {
            throw new IllegalArgumentException("maxDecompressedBytes must not be negative: " + maxDecompressedBytes);
        }
        this.buffer = records.slice();
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    /** @throws ProtocolException if the next batch is malformed */
    @Override
    public boolean hasNext() {
        if (next == null) {
            ByteBuffer entry = LogEntries.next(buffer);
            if (entry != null) {
                next = entry.get(MAGIC_OFFSET) == MAGIC_V2
                        ? new DefaultRecordBatch(entry, maxDecompressedBytes)
                        : new LegacyRecordBatch(entry, maxDecompressedBytes);
            }
        }
        return next != null;
    }

    /** @throws ProtocolException if the next batch is malformed */
    @Override
    public RecordBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RecordBatch batch = next;
        next = null;
        return batch;
    }
}
