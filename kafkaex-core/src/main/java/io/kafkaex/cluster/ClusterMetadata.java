package io.kafkaex.cluster;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.MetadataResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A snapshot of the cluster as one or more Metadata responses described it: brokers, controller, topics
 * with their partitions, leaders and leader epochs, and when it was fetched. Topic- and partition-level
 * errors are part of the snapshot (kafka_ex dropped errored topics and partitions silently).
 *
 * <p>Build one with {@link #from(MetadataResponse, short, long)}; combine it with a newer one with
 * {@link #merge(ClusterMetadata, MetadataScope)}, which keeps known leader epochs from moving backwards.
 * Maps iterate in key order, so snapshots print and compare deterministically.
 *
 * <p>Immutable and thread-safe; publish a new snapshot instead of changing one.
 *
 * @param clusterId       the cluster id (Metadata v2+), or {@code null}
 * @param controllerId    the broker id of the controller (Metadata v1+), or {@link #NO_CONTROLLER}
 * @param nodesById       the brokers by id
 * @param topicsByName    the topics by name
 * @param fetchedAtMillis when the (newest) response was received, in millis of the client's injected clock
 */
public record ClusterMetadata(String clusterId, int controllerId, Map<Integer, Node> nodesById,
        Map<String, TopicInfo> topicsByName, long fetchedAtMillis) {

    /** The {@link #controllerId()} when the response names no controller (Metadata v0, or none elected). */
    public static final int NO_CONTROLLER = -1;

    public ClusterMetadata {
        nodesById = Collections.unmodifiableMap(new TreeMap<>(nodesById));
        topicsByName = Collections.unmodifiableMap(new TreeMap<>(topicsByName));
        nodesById.forEach((id, node) -> requireKey(id, node.id(), "node"));
        topicsByName.forEach((name, topic) -> requireKey(name, topic.name(), "topic"));
    }

    /**
     * Builds a snapshot from a Metadata response of any version from 0 to 13. Fields the version does not
     * carry take their "absent" values: no cluster id, {@link #NO_CONTROLLER}, no rack, not internal,
     * {@link TopicInfo#NO_TOPIC_ID}, {@link PartitionInfo#UNKNOWN_EPOCH}, no offline replicas.
     *
     * @param response  the decoded response
     * @param version   the version it was decoded at
     * @param nowMillis the current time of the client's clock, recorded as {@link #fetchedAtMillis()}
     * @throws io.kafkaex.protocol.error.KafkaErrorException when a v13+ response carries a top-level error
     *         (such as {@code REBOOTSTRAP_REQUIRED}): such a response describes no cluster
     * @throws IllegalArgumentException when the version is outside 0..13, or a topic has no name (which a
     *         broker sends only for requests by topic id; KafkaEx asks by name)
     */
    public static ClusterMetadata from(MetadataResponse response, short version, long nowMillis) {
        return MetadataResponseMapper.toClusterMetadata(response, version, nowMillis);
    }

    /**
     * This snapshot updated with a newer one; see {@link MetadataMerge} for the rule. In short: brokers,
     * controller, cluster id and fetch time come from {@code newer}; a partition whose leader epoch in
     * {@code newer} is older than the one known here keeps the known state; with
     * {@link MetadataScope#REQUESTED_TOPICS} the topics {@code newer} does not mention stay as they are,
     * with {@link MetadataScope#ALL_TOPICS} they are removed.
     *
     * @param newer the snapshot from the newer response
     * @param scope whether the newer response was for all topics or for some
     */
    public ClusterMetadata merge(ClusterMetadata newer, MetadataScope scope) {
        return MetadataMerge.merge(this, newer, scope);
    }

    /** The broker with this id, or empty when the snapshot has none. */
    public Optional<Node> node(int id) {
        return Optional.ofNullable(nodesById.get(id));
    }

    /** All brokers, ordered by id. */
    public List<Node> nodes() {
        return List.copyOf(nodesById.values());
    }

    /** The controller broker, or empty when the response named none or the snapshot lacks that broker. */
    public Optional<Node> controller() {
        return node(controllerId);
    }

    /** The topic, or empty when the snapshot has no entry for it. */
    public Optional<TopicInfo> topic(String name) {
        return Optional.ofNullable(topicsByName.get(Objects.requireNonNull(name, "name")));
    }

    /** The partition, or empty when the snapshot does not know the topic or the partition. */
    public Optional<PartitionInfo> partition(String topic, int partition) {
        return topic(topic).flatMap(t -> t.partition(partition));
    }

    /**
     * The leader broker of a partition; empty when the partition is unknown, has no leader (for example
     * during an election, error {@link KafkaError#LEADER_NOT_AVAILABLE}), or its leader is not among the
     * snapshot's brokers.
     */
    public Optional<Node> leaderFor(String topic, int partition) {
        return partition(topic, partition).flatMap(this::leaderOf);
    }

    /** The number of partitions the snapshot lists for the topic, or empty when it does not know the topic. */
    public OptionalInt partitionCount(String topic) {
        return topic(topic).map(t -> OptionalInt.of(t.partitions().size())).orElse(OptionalInt.empty());
    }

    /** The topic's error ({@link KafkaError#NONE} when fine), or empty when the snapshot does not know it. */
    public Optional<KafkaError> topicError(String topic) {
        return topic(topic).map(TopicInfo::error);
    }

    /**
     * The partitions of a topic that {@link #leaderFor(String, int)} has no broker for, in index order; empty
     * when every partition has a known leader or the topic is unknown.
     */
    public List<PartitionInfo> partitionsWithoutLeader(String topic) {
        return topic(topic).map(TopicInfo::partitions).orElse(List.of()).stream()
                .filter(p -> leaderOf(p).isEmpty())
                .toList();
    }

    private Optional<Node> leaderOf(PartitionInfo partition) {
        return partition.hasLeader() ? node(partition.leaderId()) : Optional.empty();
    }

    private static void requireKey(Object key, Object actual, String what) {
        if (!key.equals(actual)) {
            throw new IllegalArgumentException(what + " map key " + key + " differs from its value's " + actual);
        }
    }
}
