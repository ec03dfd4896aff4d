package io.kafkaex.cluster;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.MetadataResponse;
import io.kafkaex.protocol.message.MetadataResponse.MetadataResponseBroker;
import io.kafkaex.protocol.message.MetadataResponse.MetadataResponsePartition;
import io.kafkaex.protocol.message.MetadataResponse.MetadataResponseTopic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a decoded {@link MetadataResponse} into a {@link ClusterMetadata}, reading each field only at the
 * versions that carry it, so a response built in memory behaves like one decoded from the wire.
 * Stateless and thread-safe.
 */
final class MetadataResponseMapper {

    private static final short FIRST_WITH_CONTROLLER_RACK_INTERNAL = 1;
    private static final short FIRST_WITH_CLUSTER_ID = 2;
    private static final short FIRST_WITH_OFFLINE_REPLICAS = 5;
    private static final short FIRST_WITH_LEADER_EPOCH = 7;
    private static final short FIRST_WITH_TOPIC_ID = 10;
    private static final short FIRST_WITH_TOP_LEVEL_ERROR = 13;

    private MetadataResponseMapper() {
    }

    static ClusterMetadata toClusterMetadata(MetadataResponse response, short version, long nowMillis) {
        short lowest = MetadataResponse.LOWEST_SUPPORTED_VERSION;
        short highest = MetadataResponse.HIGHEST_SUPPORTED_VERSION;
        if (version < lowest || version > highest) {
            throw new IllegalArgumentException("version must be in [" + lowest + ", " + highest + "], was " + version);
        }
        requireNoTopLevelError(response, version);
        Map<Integer, Node> nodes = new LinkedHashMap<>();
        for (MetadataResponseBroker broker : response.brokers()) {
            nodes.put(broker.nodeId(), node(broker, version));
        }
        Map<String, TopicInfo> topics = new LinkedHashMap<>();
        for (MetadataResponseTopic topic : response.topics()) {
            TopicInfo info = topic(topic, version);
            topics.put(info.name(), info);
        }
        String clusterId = version >= FIRST_WITH_CLUSTER_ID ? response.clusterId() : null;
        int controllerId = version >= FIRST_WITH_CONTROLLER_RACK_INTERNAL
                ? response.controllerId() : ClusterMetadata.NO_CONTROLLER;
        return new ClusterMetadata(clusterId, controllerId, nodes, topics, nowMillis);
    }

    private static void requireNoTopLevelError(MetadataResponse response, short version) {
        if (version >= FIRST_WITH_TOP_LEVEL_ERROR && response.errorCode() != KafkaError.NONE.code()) {
            throw KafkaErrorExceptions.of(KafkaError.forCode(response.errorCode()), null,
                    KafkaErrorException.NO_PARTITION, null);
        }
    }

    private static Node node(MetadataResponseBroker broker, short version) {
        String rack = version >= FIRST_WITH_CONTROLLER_RACK_INTERNAL ? broker.rack() : null;
        return new Node(broker.nodeId(), broker.host(), broker.port(), rack);
    }

    private static TopicInfo topic(MetadataResponseTopic topic, short version) {
        String name = topic.name();
        if (name == null) {
            throw new IllegalArgumentException("Metadata response has a topic without a name (topic id "
                    + topic.topicId() + "); KafkaEx requests metadata by topic name");
        }
        List<PartitionInfo> partitions = topic.partitions().stream()
                .map(partition -> partition(name, partition, version))
                .toList();
        return new TopicInfo(name,
                version >= FIRST_WITH_TOPIC_ID ? topic.topicId() : TopicInfo.NO_TOPIC_ID,
                version >= FIRST_WITH_CONTROLLER_RACK_INTERNAL && topic.isInternal(),
                KafkaError.forCode(topic.errorCode()),
                partitions);
    }

    private static PartitionInfo partition(String topic, MetadataResponsePartition partition, short version) {
        return new PartitionInfo(topic, partition.partitionIndex(), partition.leaderId(),
                version >= FIRST_WITH_LEADER_EPOCH ? partition.leaderEpoch() : PartitionInfo.UNKNOWN_EPOCH,
                partition.replicaNodes(), partition.isrNodes(),
                version >= FIRST_WITH_OFFLINE_REPLICAS ? partition.offlineReplicas() : List.of(),
                KafkaError.forCode(partition.errorCode()));
    }
}
