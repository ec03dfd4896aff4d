package io.kafkaex.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule by which a newer Metadata snapshot updates the one the client holds.
 *
 * <ol>
 *   <li>Brokers, controller, cluster id and fetch time come from the newer snapshot: every Metadata response
 *       lists all brokers.</li>
 *   <li>Topics: with {@link MetadataScope#ALL_TOPICS} the newer topic set replaces the known one (a topic it
 *       omits was deleted); with {@link MetadataScope#REQUESTED_TOPICS} a topic it omits keeps its known info.
 *       A topic it mentions takes the newer name, error, internal flag and partition set; the topic id stays
 *       the known one when the newer response carries none (an older version from another broker).</li>
 *   <li>Partitions, as KIP-320 does it: when the newer snapshot reports a leader epoch older than the known one,
 *       the known partition state stays, because a lagging broker must not move leadership backwards. A newer
 *       or equal epoch wins, and so does an unknown epoch (-1) in the newer snapshot, since then there is
 *       nothing to compare.</li>
 *   <li>A topic whose id changed (deleted and created again) starts afresh: its new epochs are not
 *       comparable with the old ones, so the newer topic is taken whole.</li>
 * </ol>
 * Stateless and thread-safe.
 */
final class MetadataMerge {

    private MetadataMerge() {
    }

    static ClusterMetadata merge(ClusterMetadata known, ClusterMetadata newer, MetadataScope scope) {
        Map<String, TopicInfo> topics = scope == MetadataScope.ALL_TOPICS
                ? new LinkedHashMap<>() : new LinkedHashMap<>(known.topicsByName());
        newer.topicsByName().forEach((name, topic) ->
                topics.put(name, mergeTopic(known.topicsByName().get(name), topic)));
        return new ClusterMetadata(newer.clusterId(), newer.controllerId(), newer.nodesById(), topics,
                newer.fetchedAtMillis());
    }

    private static TopicInfo mergeTopic(TopicInfo known, TopicInfo newer) {
        if (known == null || wasRecreated(known, newer)) {
            return newer;
        }
        List<PartitionInfo> partitions = newer.partitions().stream()
                .map(partition -> known.partition(partition.partition())
                        .filter(knownPartition -> isStale(partition, knownPartition))
                        .orElse(partition))
                .toList();
        return new TopicInfo(newer.name(), newer.hasTopicId() ? newer.topicId() : known.topicId(), newer.internal(),
                newer.error(), partitions);
    }

    private static boolean wasRecreated(TopicInfo known, TopicInfo newer) {
        return known.hasTopicId() && newer.hasTopicId() && !known.topicId().equals(newer.topicId());
    }

    private static boolean isStale(PartitionInfo newer, PartitionInfo known) {
        return newer.hasLeaderEpoch() && newer.leaderEpoch() < known.leaderEpoch();
    }
}
