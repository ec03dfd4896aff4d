package io.kafkaex.cluster;

import io.kafkaex.protocol.ProtocolReader;
import io.kafkaex.protocol.ProtocolWriter;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.MetadataResponse;
import io.kafkaex.protocol.message.MetadataResponse.MetadataResponseBroker;
import io.kafkaex.protocol.message.MetadataResponse.MetadataResponsePartition;
import io.kafkaex.protocol.message.MetadataResponse.MetadataResponseTopic;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builders of Metadata responses and snapshots for the cluster tests. */
final class MetadataFixtures {

    static final short LATEST = MetadataResponse.HIGHEST_SUPPORTED_VERSION;

    private MetadataFixtures() {
    }

    static MetadataResponseBroker broker(int id) {
        return new MetadataResponseBroker().setNodeId(id).setHost("broker-" + id).setPort(9092 + id)
                .setRack("rack-" + id);
    }

    static MetadataResponsePartition wirePartition(int index, int leader, int epoch, KafkaError error) {
        return new MetadataResponsePartition().setPartitionIndex(index).setLeaderId(leader).setLeaderEpoch(epoch)
                .setReplicaNodes(List.of(1, 2, 3)).setIsrNodes(List.of(1, 2)).setOfflineReplicas(List.of(3))
                .setErrorCode(error.code());
    }

    static MetadataResponseTopic wireTopic(String name, KafkaError error, MetadataResponsePartition... partitions) {
        return new MetadataResponseTopic().setName(name).setErrorCode(error.code())
                .setTopicId(new UUID(1, name.hashCode())).setPartitions(List.of(partitions));
    }

    static MetadataResponse response(List<MetadataResponseBroker> brokers, MetadataResponseTopic... topics) {
        return new MetadataResponse().setBrokers(brokers).setClusterId("cluster-a").setControllerId(2)
                .setTopics(List.of(topics));
    }

    /** The response as a broker would send it at {@code version}: written, then read back. */
    static MetadataResponse overTheWire(MetadataResponse response, short version) {
        ByteBuffer buffer = ByteBuffer.allocate(response.size(version));
        response.write(new ProtocolWriter(buffer), version);
        buffer.flip();
        return MetadataResponse.read(new ProtocolReader(buffer), version);
    }

    static PartitionInfo partition(String topic, int index, int leader, int epoch) {
        return new PartitionInfo(topic, index, leader, epoch, List.of(1, 2), List.of(1, 2), List.of(), KafkaError.NONE);
    }

    static TopicInfo topic(String name, UUID id, PartitionInfo... partitions) {
        return new TopicInfo(name, id, false, KafkaError.NONE, List.of(partitions));
    }

    static ClusterMetadata snapshot(long fetchedAt, TopicInfo... topics) {
        Map<Integer, Node> nodes = Map.of(1, new Node(1, "broker-1", 9093, null),
                2, new Node(2, "broker-2", 9094, null));
        return new ClusterMetadata("cluster-a", 1, nodes,
                Arrays.stream(topics).collect(Collectors.toMap(TopicInfo::name, Function.identity())), fetchedAt);
    }
}
