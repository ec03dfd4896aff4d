package io.kafkaex.client;

/**
 * One partition to list an offset for: epoch milliseconds, or {@link #LATEST} / {@link #EARLIEST}. Immutable.
 */
public record OffsetQuery(String topic, int partition, long timestamp) {

    public static final long LATEST = OffsetLister.LATEST;
    public static final long EARLIEST = OffsetLister.EARLIEST;
}
