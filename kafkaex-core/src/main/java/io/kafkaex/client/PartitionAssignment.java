package io.kafkaex.client;

import java.util.List;
import java.util.Objects;

/**
 * Partitions of one topic, as the consumer protocol assigns or a member owns them (kafka_ex's
 * {@code MemberAssignment.PartitionAssignment}). Immutable; any thread.
 */
public record PartitionAssignment(String topic, List<Integer> partitions) {

    public PartitionAssignment {
        Objects.requireNonNull(topic, "topic");
        partitions = List.copyOf(partitions);
    }
}
