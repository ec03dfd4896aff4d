package io.kafkaex.client;

import java.util.Objects;

/**
 * One partition's offset to commit for a consumer group (kafka_ex's {@code %{partition_num, offset}} with the
 * optional metadata and leader epoch). The offset is the next one to consume, as the Java consumer commits it.
 * Immutable; any thread.
 *
 * @param partition   the partition index, 0 or more
 * @param offset      the offset to commit, 0 or more
 * @param metadata    text stored with the offset ({@code ""} by default; the broker limits its size)
 * @param leaderEpoch the leader epoch of the record before {@code offset} (OffsetCommit v6+), or -1 when unknown
 */
public record PartitionCommit(int partition, long offset, String metadata, int leaderEpoch) {

    public PartitionCommit {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, was " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        Objects.requireNonNull(metadata, "metadata (use \"\" for none)");
    }

    /** {@code offset} for {@code partition}, without metadata or leader epoch. */
    public static PartitionCommit of(int partition, long offset) {
        return new PartitionCommit(partition, offset, "", -1);
    }

    public PartitionCommit withMetadata(String text) {
        return new PartitionCommit(partition, offset, text, leaderEpoch);
    }

    public PartitionCommit withLeaderEpoch(int epoch) {
        return new PartitionCommit(partition, offset, metadata, epoch);
    }
}
