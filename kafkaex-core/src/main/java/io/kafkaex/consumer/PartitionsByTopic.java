package io.kafkaex.consumer;

import io.kafkaex.client.MemberAssignment;
import io.kafkaex.client.PartitionAssignment;
import io.kafkaex.client.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Converts between single partitions and partitions grouped per topic, the shape group requests carry them in.
 * Stateless; any thread.
 */
final class PartitionsByTopic {

    private PartitionsByTopic() {
    }

    /** Topics by name, each with its distinct partition numbers in ascending order. */
    static SortedMap<String, List<Integer>> group(Collection<TopicPartition> partitions) {
        SortedMap<String, TreeSet<Integer>> sets = new TreeMap<>();
        partitions.forEach(p -> sets.computeIfAbsent(p.topic(), topic -> new TreeSet<>()).add(p.partition()));
        SortedMap<String, List<Integer>> grouped = new TreeMap<>();
        sets.forEach((topic, numbers) -> grouped.put(topic, List.copyOf(numbers)));
        return grouped;
    }

    /** {@link #group} as the consumer protocol's per-topic assignments. */
    static List<PartitionAssignment> assignments(Collection<TopicPartition> partitions) {
        List<PartitionAssignment> result = new ArrayList<>();
        group(partitions).forEach((topic, numbers) -> result.add(new PartitionAssignment(topic, numbers)));
        return result;
    }

    /** Every partition of {@code assignment}, in its order; none for a {@code null} one. */
    static Set<TopicPartition> flatten(MemberAssignment assignment) {
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        if (assignment != null) {
            for (PartitionAssignment topic : assignment.partitions()) {
                topic.partitions().forEach(partition -> partitions.add(new TopicPartition(topic.topic(), partition)));
            }
        }
        return partitions;
    }
}
