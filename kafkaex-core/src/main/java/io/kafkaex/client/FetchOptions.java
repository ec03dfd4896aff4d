package io.kafkaex.client;

import java.time.Duration;

/**
 * Per-fetch settings, kafka_ex's defaults: up to 1,000,000 bytes, wait up to 10 seconds for at least 1 byte,
 * read uncommitted. The request's deadline is the client's request timeout plus {@code maxWait}, so a long
 * poll never times out on its own wait (kafka_ex's 1-second socket timeout did). Immutable.
 *
 * @param maxBytes      most bytes of records to return (one batch is returned even if larger)
 * @param maxWait       how long the broker may wait for {@code minBytes}
 * @param minBytes      bytes the broker waits for before answering
 * @param readCommitted whether to hide records of open and aborted transactions
 */
public record FetchOptions(int maxBytes, Duration maxWait, int minBytes, boolean readCommitted) {

    public FetchOptions {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
        }
        if (minBytes < 0) {
            throw new IllegalArgumentException("minBytes must not be negative, was " + minBytes);
        }
    }

    public static FetchOptions defaults() {
        return new FetchOptions(1_000_000, Duration.ofSeconds(10), 1, false);
    }

    public FetchOptions withMaxWait(Duration wait) {
        return new FetchOptions(maxBytes, wait, minBytes, readCommitted);
    }

    public FetchOptions withReadCommitted(boolean committed) {
        return new FetchOptions(maxBytes, maxWait, minBytes, committed);
    }

    public FetchOptions withMaxBytes(int bytes) {
        return new FetchOptions(bytes, maxWait, minBytes, readCommitted);
    }
}
