package io.kafkaex.test;

import java.util.List;
import java.util.Optional;

/**
 * What a Metadata v4 response said about the cluster, as read by the harness over the wire.
 *
 * @param brokers      the live brokers
 * @param controllerId the id of the active controller
 * @param partitions   the partitions of the requested topics
 * @param topicErrors  the requested topics the broker answered with an error for
 */
public record ClusterMetadata(List<Broker> brokers, int controllerId, List<Partition> partitions,
        List<TopicError> topicErrors) {

    /** A live broker. */
    public record Broker(int id, String host, int port) {
    }

    /** One partition with its leader ({@code -1} when it has none) and replicas. */
    public record Partition(String topic, int index, short errorCode, int leader, List<Integer> replicas,
            List<Integer> inSyncReplicas) {
    }

    /** A topic-level error code. */
    public record TopicError(String topic, short errorCode) {
    }

    /** The partition {@code index} of {@code topic}, when the metadata names it. */
    public Optional<Partition> partition(String topic, int index) {
        return partitions.stream().filter(p -> p.topic().equals(topic) && p.index() == index).findFirst();
    }
}
