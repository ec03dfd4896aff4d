package io.kafkaex.consumer.assignor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The partition moves the general sticky assignment has made so far, kept as the Java sticky assignor keeps them
 * so that it picks the same partition to move: when a partition of a topic is to go from member A to member B
 * while another partition of that topic already went from B to A, that other partition goes back instead, so no
 * two members swap partitions of one topic. Built and used on one thread.
 */
final class PartitionMoves {

    private record Move(String from, String to) {
    }

    private final Map<PartitionKey, Move> byPartition = new HashMap<>();
    private final Map<String, Map<Move, Set<PartitionKey>>> byTopic = new HashMap<>();

    /** The partition to move from {@code from} to {@code to} in place of {@code partition}. */
    PartitionKey partitionToMove(PartitionKey partition, String from, String to) {
        Map<Move, Set<PartitionKey>> topicMoves = byTopic.get(partition.topic());
        if (topicMoves == null) {
            return partition;
        }
        Move earlier = byPartition.get(partition);
        Set<PartitionKey> movedBack = topicMoves.get(new Move(to, earlier == null ? from : earlier.from()));
        return movedBack == null ? partition : movedBack.iterator().next();
    }

    /** Records that {@code partition} moved from {@code from} to {@code to}. */
    void record(PartitionKey partition, String from, String to) {
        Move earlier = byPartition.remove(partition);
        if (earlier == null) {
            add(partition, new Move(from, to));
            return;
        }
        Map<Move, Set<PartitionKey>> topicMoves = byTopic.get(partition.topic());
        Set<PartitionKey> partitions = topicMoves.get(earlier);
        partitions.remove(partition);
        if (partitions.isEmpty()) {
            topicMoves.remove(earlier);
        }
        if (topicMoves.isEmpty()) {
            byTopic.remove(partition.topic());
        }
        if (!earlier.from().equals(to)) {
            add(partition, new Move(earlier.from(), to));
        }
    }

    private void add(PartitionKey partition, Move move) {
        byPartition.put(partition, move);
        byTopic.computeIfAbsent(partition.topic(), topic -> new HashMap<>())
                .computeIfAbsent(move, key -> new HashSet<>()).add(partition);
    }
}
