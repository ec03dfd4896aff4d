package io.kafkaex.client;

import io.kafkaex.protocol.error.KafkaError;

/**
 * A consumer group's committed offset of one partition (kafka_ex's {@code Offset} as
 * {@code fetch_committed_offset} returns it): the offset, the metadata stored with it and its leader epoch;
 * offset {@link #NONE} (-1) when the group has committed nothing for the partition. {@code error} is
 * {@link KafkaError#NONE} or an error of this partition (e.g. UNKNOWN_TOPIC_ID for a topic the broker does not
 * know, on versions that send topic ids). Immutable; any thread.
 *
 * @param metadata    the metadata stored with the offset; {@code ""} when none
 * @param leaderEpoch the leader epoch stored with the offset (OffsetFetch v5+), or -1
 */
public record CommittedOffset(String topic, int partition, long offset, String metadata, int leaderEpoch, KafkaError error) {

    /** The offset of a partition without a committed offset. */
    public static final long NONE = -1;

    /** Whether the group has an offset for this partition. */
    public boolean isCommitted() {
        return offset != NONE;
    }
}
