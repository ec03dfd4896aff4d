package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.retry.Backoff;

/**
 * One assigned partition as the {@link Fetcher} sees it: the position the next fetch starts at, its epoch (a new one
 * with every seek, so that chunks fetched before are recognised as stale), and what keeps it from being fetched:
 * paused, failed, resetting its position, part of a fetch in flight, two chunks not released yet, or backing off
 * after an error.
 *
 * <p>Changed on the event loop only; {@link #position()} may be read by any thread.
 */
final class PartitionFetchState {

    /** Chunks of the current epoch the consumer may hold before the partition is fetched again: one being processed, one prefetched. */
    static final int MAX_UNRELEASED_CHUNKS = 2;

    private final TopicPartition partition;
    private volatile long position;
    private long epoch;
    private boolean paused;
    /** Part of a fetch whose answer has not come yet. */
    private boolean inFlight;
    /** Chunks of the current epoch handed to the sink and not released. */
    private int unreleasedChunks;
    /** Errors in a row; the backoff grows with them. */
    private int failures;
    private long retryAtNanos;
    private Stage stage = Stage.FETCHING;
    /** The high watermark (last stable offset when reading committed) of the latest answer; -1 before one. */
    private long endOffset = -1;

    PartitionFetchState(TopicPartition partition, long position, long epoch) {
        this.partition = partition;
        seek(position, epoch);
    }

    TopicPartition partition() {
        return partition;
    }

    long position() {
        return position;
    }

    long epoch() {
        return epoch;
    }

    /** Moves to {@code offset} under a new epoch: fetchable again (unless paused), however it failed or backed off. */
    void seek(long offset, long newEpoch) {
        position = offset;
        epoch = newEpoch;
        stage = Stage.FETCHING;
        unreleasedChunks = 0; // older chunks are stale; they count against the memory bound only
        retryAtNanos = 0;
        failures = 0;
    }

    /** Whether the partition may be put into a fetch now, all but its leader considered. */
    boolean isFetchable(long nowNanos) {
        return stage == Stage.FETCHING && !paused && !inFlight && unreleasedChunks < MAX_UNRELEASED_CHUNKS
                && !isBackingOff(nowNanos);
    }

    /** Held back only because the consumer has not released its chunks yet: it will be fetchable soon. */
    boolean isWaitingForRelease() {
        return stage == Stage.FETCHING && !paused && !inFlight && unreleasedChunks >= MAX_UNRELEASED_CHUNKS;
    }

    /** Whether the position reached the end the latest answer gave: a fetch of it now would wait for new records. */
    boolean isCaughtUp() {
        return endOffset >= 0 && position >= endOffset;
    }

    /** The end of the readable log as the latest answer gave it. */
    void endOffset(long offset) {
        endOffset = offset;
    }

    boolean isBackingOff(long nowNanos) {
        return failures > 0 && nowNanos - retryAtNanos < 0;
    }

    long retryAtNanos() {
        return retryAtNanos;
    }

    boolean isPaused() {
        return paused;
    }

    void pause(boolean pause) {
        paused = pause;
    }

    void sent() {
        inFlight = true;
    }

    void answered() {
        inFlight = false;
    }

    /** A fetch of the current epoch brought a chunk: the next fetch starts at {@code nextOffset}. */
    void fetched(long nextOffset) {
        position = nextOffset;
        unreleasedChunks++;
    }

    /** A chunk of the current epoch came back. */
    void released() {
        unreleasedChunks--;
    }

    /** A fetch of the partition succeeded: the next error backs off from the start. */
    void succeeded() {
        failures = 0;
    }

    /** After an error: the partition waits before its next fetch, longer with every error in a row. */
    void backOff(long nowNanos, Backoff backoff) {
        failures++;
        retryAtNanos = nowNanos + backoff.delay(failures).toNanos();
    }

    /** The position is being looked up (out of range); no fetch until it is set. */
    void startReset() {
        stage = Stage.RESETTING;
    }

    /** The reset's lookup failed: fetch again after the backoff, which will reset again if still out of range. */
    void resetFailed() {
        stage = Stage.FETCHING;
    }

    /** The partition waits for the application: a seek or a new assignment. */
    void fail() {
        stage = Stage.FAILED;
    }

    boolean isFailed() {
        return stage == Stage.FAILED;
    }

    /** Whether the partition fetches, waits for its position to be looked up, or waits for the application. */
    private enum Stage {
        FETCHING, RESETTING, FAILED
    }
}
