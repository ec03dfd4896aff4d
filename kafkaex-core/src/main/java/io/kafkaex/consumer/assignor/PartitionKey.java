package io.kafkaex.consumer.assignor;

import java.util.Comparator;

/**
 * One topic partition as the assignors work on it. Its hash code is the Java client's {@code TopicPartition} hash
 * ({@code 31 * (31 + partition) + topic.hashCode()}): where the Java sticky assignor takes the first element of a
 * hash set of partitions, a hash set of these keys yields the same element. Immutable; any thread.
 */
record PartitionKey(String topic, int partition) {

    /** Topic name, then partition number. */
    static final Comparator<PartitionKey> BY_TOPIC = Comparator.comparing(PartitionKey::topic)
            .thenComparingInt(PartitionKey::partition);

    /** Partition number, then topic name. */
    static final Comparator<PartitionKey> BY_PARTITION = Comparator.comparingInt(PartitionKey::partition)
            .thenComparing(PartitionKey::topic);

    @Override
    public int hashCode() {
        return 31 * (31 + partition) + topic.hashCode();
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
