package io.kafkaex.client;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Partitions of one topic named by its id, as a KIP-848 coordinator assigns them and a member reports the ones it
 * owns in ConsumerGroupHeartbeat. Immutable; any thread.
 */
public record TopicIdPartitions(UUID topicId, List<Integer> partitions) {

    public TopicIdPartitions {
        Objects.requireNonNull(topicId, "topicId");
        partitions = List.copyOf(partitions);
    }
}
