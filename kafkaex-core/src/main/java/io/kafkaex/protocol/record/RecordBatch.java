package io.kafkaex.protocol.record;

import io.kafkaex.protocol.record.compression.CompressionType;
import java.util.Iterator;

/**
 * One batch of records as read from a fetch: a magic v2 record batch ({@link DefaultRecordBatch}), or a
 * single legacy v0/v1 message, which holds one record or, compressed, a wrapped inner message set
 * ({@link LegacyRecordBatch}). Legacy batches answer the v2-only questions with Kafka's "none" values:
 * producer id -1, epoch -1, sequence -1, leader epoch -1, not transactional, not control.
 *
 * <p>Its header was validated (magic, length, checksum) when the {@link RecordBatchReader} handed it out;
 * the records are decoded, and decompressed, as {@link #iterator()} is walked, which throws
 * {@link io.kafkaex.protocol.ProtocolException} for malformed record bytes. Not thread-safe: one thread
 * reads one batch.
 */
public interface RecordBatch extends Iterable<Record> {

    byte magic();

    /** Offset of the first record (of the first record before compaction, for v2). */
    long baseOffset();

    /** Offset of the last record (before compaction, for v2); the next fetch starts after it. */
    long lastOffset();

    /** The offset after this batch. */
    default long nextOffset() {
        return lastOffset() + 1;
    }

    /** Bytes this batch takes in the fetched buffer, headers included. */
    int sizeInBytes();

    /** Largest record timestamp, or the log-append time; -1 for v0. */
    long maxTimestamp();

    TimestampType timestampType();

    CompressionType compressionType();

    int partitionLeaderEpoch();

    long producerId();

    short producerEpoch();

    int baseSequence();

    boolean isTransactional();

    /** Whether the batch holds control records (transaction markers) instead of data. */
    boolean isControlBatch();

    /**
     * The records in offset order.
     *
     * @throws io.kafkaex.protocol.record.compression.MissingCompressionLibraryException (from the iterator)
     *         if the batch is compressed with a codec whose optional library is not on the classpath
     */
    @Override
    Iterator<Record> iterator();
}
