package io.kafkaex.consumer;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link Fetcher} fetches: the Fetch request's limits, the isolation level, the memory bound of fetched
 * chunks the consumer has not released yet, what to do when a position is out of range, and the backoff after an
 * error. Defaults follow the Java consumer ({@code fetch.min.bytes}, {@code fetch.max.bytes},
 * {@code fetch.max.wait.ms}, {@code max.partition.fetch.bytes}, {@code auto.offset.reset}, {@code retry.backoff.ms}).
 * Immutable; any thread.
 *
 * @param minBytes bytes the broker waits for before it answers
 * @param maxBytes most bytes of records one Fetch response may bring (one batch comes whole even if larger)
 * @param maxWait how long the broker may wait for {@code minBytes}
 * @param partitionMaxBytes most bytes of records one partition may bring per response
 * @param readCommitted whether to hide records of open and aborted transactions
 * @param maxBufferedBytes the bytes of fetched but unreleased chunks above which nothing more is fetched
 * @param autoOffsetReset where to go when the position is out of range
 * @param retryBackoff the first wait before a partition or a broker is fetched again after an error
 */
public record FetcherOptions(int minBytes, int maxBytes, Duration maxWait, int partitionMaxBytes, boolean readCommitted,
        long maxBufferedBytes, OffsetResetPolicy autoOffsetReset, Duration retryBackoff) {

    public static final int DEFAULT_MIN_BYTES = 1;
    public static final int DEFAULT_MAX_BYTES = 52_428_800;
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMillis(500);
    public static final int DEFAULT_PARTITION_MAX_BYTES = 1_048_576;
    public static final long DEFAULT_MAX_BUFFERED_BYTES = 64L * 1024 * 1024;
    public static final OffsetResetPolicy DEFAULT_AUTO_OFFSET_RESET = OffsetResetPolicy.LATEST;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(100);

    public FetcherOptions {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(autoOffsetReset, "autoOffsetReset");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (minBytes < 0) {
            throw new IllegalArgumentException("minBytes must not be negative, was " + minBytes);
        }
        if (maxBytes < 1 || partitionMaxBytes < 1) {
            throw new IllegalArgumentException("maxBytes and partitionMaxBytes must be positive, were " + maxBytes
                    + " and " + partitionMaxBytes);
        }
        if (maxWait.isNegative() || maxWait.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxWait must be between 0 and " + Integer.MAX_VALUE + " ms, was " + maxWait);
        }
        if (maxBufferedBytes < 1) {
            throw new IllegalArgumentException("maxBufferedBytes must be positive, was " + maxBufferedBytes);
        }
        if (retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("retryBackoff must be positive, was " + retryBackoff);
        }
    }

    /** The Java consumer's defaults: read uncommitted, reset to LATEST, 64 MiB of unreleased chunks. */
    public static FetcherOptions defaults() {
        return new FetcherOptions(DEFAULT_MIN_BYTES, DEFAULT_MAX_BYTES, DEFAULT_MAX_WAIT, DEFAULT_PARTITION_MAX_BYTES, false,
                DEFAULT_MAX_BUFFERED_BYTES, DEFAULT_AUTO_OFFSET_RESET, DEFAULT_RETRY_BACKOFF);
    }

    public FetcherOptions withReadCommitted(boolean committed) {
        return new FetcherOptions(minBytes, maxBytes, maxWait, partitionMaxBytes, committed, maxBufferedBytes,
                autoOffsetReset, retryBackoff);
    }

    public FetcherOptions withAutoOffsetReset(OffsetResetPolicy policy) {
        return new FetcherOptions(minBytes, maxBytes, maxWait, partitionMaxBytes, readCommitted, maxBufferedBytes, policy,
                retryBackoff);
    }

    /**
     * Where the readable part of a partition ends: its last stable offset when reading committed (records after it
     * belong to open transactions), else its high watermark.
     */
    public long readableEnd(long highWatermark, long lastStableOffset) {
        return readCommitted && lastStableOffset >= 0 ? lastStableOffset : highWatermark;
    }

    public FetcherOptions withMaxWait(Duration wait) {
        return new FetcherOptions(minBytes, maxBytes, wait, partitionMaxBytes, readCommitted, maxBufferedBytes,
                autoOffsetReset, retryBackoff);
    }

    public FetcherOptions withMinBytes(int bytes) {
        return new FetcherOptions(bytes, maxBytes, maxWait, partitionMaxBytes, readCommitted, maxBufferedBytes,
                autoOffsetReset, retryBackoff);
    }

    public FetcherOptions withMaxBytes(int bytes) {
        return new FetcherOptions(minBytes, bytes, maxWait, partitionMaxBytes, readCommitted, maxBufferedBytes,
                autoOffsetReset, retryBackoff);
    }

    public FetcherOptions withPartitionMaxBytes(int bytes) {
        return new FetcherOptions(minBytes, maxBytes, maxWait, bytes, readCommitted, maxBufferedBytes, autoOffsetReset,
                retryBackoff);
    }

    public FetcherOptions withMaxBufferedBytes(long bytes) {
        return new FetcherOptions(minBytes, maxBytes, maxWait, partitionMaxBytes, readCommitted, bytes, autoOffsetReset,
                retryBackoff);
    }
}
