package io.kafkaex.consumer;

/**
 * How far a member is behind on one partition. Immutable.
 *
 * @param highWatermark the partition's high watermark from the latest fetch (last stable offset when reading
 *     committed), or -1 before the first fetch answered
 * @param committedOffset the offset last committed by this member, or -1
 * @param position the offset after the last record processed
 */
public record PartitionLag(long highWatermark, long committedOffset, long position) {

    /** {@code highWatermark - committedOffset}; the whole high watermark when nothing is committed; -1 if unknown. */
    public long committedLag() {
        if (highWatermark < 0) {
            return -1;
        }
        return Math.max(0, highWatermark - Math.max(0, committedOffset));
    }

    /** {@code highWatermark - position}; -1 if unknown. */
    public long positionLag() {
        return highWatermark < 0 ? -1 : Math.max(0, highWatermark - position);
    }
}
