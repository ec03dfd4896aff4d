package io.kafkaex.consumer;

import io.kafkaex.client.TopicIdPartitions;
import io.kafkaex.client.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The names of the topic ids a KIP-848 coordinator assigns by, and the ids of the topics a member owns, as learnt from
 * metadata. An id not learnt yet (a topic newer than the last look) is what {@link #knowsAll} reports, so the member
 * looks again. Not thread-safe: confined to the membership's coordination thread.
 */
final class TopicIdNames {

    private final Map<UUID, String> names = new HashMap<>();
    private final Map<String, UUID> ids = new HashMap<>();

    /** Learns topic ids by name; a recreated topic's new id replaces its old one. */
    void learn(Map<String, UUID> idsByName) {
        idsByName.forEach((name, id) -> {
            ids.put(name, id);
            names.put(id, name);
        });
    }

    boolean knowsAll(Collection<TopicIdPartitions> assignment) {
        return assignment.stream().allMatch(topic -> names.containsKey(topic.topicId()));
    }

    /** The partitions of {@code assignment} whose topic name is known. */
    Set<TopicPartition> named(Collection<TopicIdPartitions> assignment) {
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        for (TopicIdPartitions topic : assignment) {
            String name = names.get(topic.topicId());
            if (name != null) {
                topic.partitions().forEach(partition -> partitions.add(new TopicPartition(name, partition)));
            }
        }
        return partitions;
    }

    /** {@code partitions} by topic id, partitions in order; every topic must be known, as owned ones were named here. */
    List<TopicIdPartitions> byId(Collection<TopicPartition> partitions) {
        List<TopicIdPartitions> result = new ArrayList<>();
        PartitionsByTopic.group(partitions).forEach((topic, numbers) -> result.add(new TopicIdPartitions(ids.get(topic),
                numbers)));
        return result;
    }
}
