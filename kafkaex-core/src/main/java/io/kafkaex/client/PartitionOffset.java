package io.kafkaex.client;

/**
 * An offset a broker listed for a partition: for a timestamp query, the first offset whose timestamp is at
 * or after it (with that record's timestamp), or -1 when there is none; for earliest/latest, the log start
 * or end offset (timestamp -1). Immutable.
 */
public record PartitionOffset(String topic, int partition, long offset, long timestamp, int leaderEpoch) {
}
