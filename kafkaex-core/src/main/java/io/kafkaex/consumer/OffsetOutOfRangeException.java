package io.kafkaex.consumer;

import io.kafkaex.KafkaExException;
import io.kafkaex.client.TopicPartition;

/**
 * A partition's fetch position is not in its log and {@code auto-offset-reset} is {@link OffsetResetPolicy#NONE}, so
 * the consumer does not move on its own: the application seeks, or the setting changes. Carries the partition, the
 * position and, when it could be looked up, the range of offsets the log holds.
 */
public class OffsetOutOfRangeException extends KafkaExException {

    /** {@link #logStartOffset()} and {@link #logEndOffset()} when the range could not be looked up. */
    public static final long UNKNOWN_OFFSET = -1;

    private final TopicPartition partition;
    private final long offset;
    private final long logStartOffset;
    private final long logEndOffset;

    /** @param logStartOffset the first offset in the log, or {@link #UNKNOWN_OFFSET} (then so is {@code logEndOffset}) */
    public OffsetOutOfRangeException(TopicPartition partition, long offset, long logStartOffset, long logEndOffset) {
        super("Fetch position " + offset + " of " + partition + " is out of range"
                + (logStartOffset == UNKNOWN_OFFSET ? " (the log's range could not be looked up)"
                        : ": the log holds offsets " + logStartOffset + " (log start) up to " + logEndOffset + " (log end)")
                + ". auto-offset-reset is NONE, so the consumer does not move on its own: seek to an offset in range,"
                + " or set auto-offset-reset to EARLIEST or LATEST.");
        this.partition = partition;
        this.offset = offset;
        this.logStartOffset = logStartOffset;
        this.logEndOffset = logEndOffset;
    }

    public TopicPartition partition() {
        return partition;
    }

    /** The position that was out of range. */
    public long offset() {
        return offset;
    }

    public long logStartOffset() {
        return logStartOffset;
    }

    /** The offset the next record will get, or {@link #UNKNOWN_OFFSET}. */
    public long logEndOffset() {
        return logEndOffset;
    }
}
