package io.kafkaex.client;

import io.kafkaex.protocol.ConsumerProtocol;
import io.kafkaex.protocol.message.ConsumerProtocolAssignment;
import io.kafkaex.protocol.message.ConsumerProtocolSubscription;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;

/**
 * Converts between the consumer-protocol payloads on the wire ({@link ConsumerProtocol}) and the client's
 * records. Payloads are written at the highest version, as the Java consumer does; any version is read. A
 * payload that cannot be decoded fails with a {@code ProtocolException}: it is never taken for an empty one.
 * Stateless; any thread.
 */
final class ConsumerPayloads {

    private ConsumerPayloads() {
    }

    static ByteBuffer subscription(Collection<String> topics) {
        return ConsumerProtocol.serializeSubscription(new ConsumerProtocolSubscription().setTopics(List.copyOf(topics)),
                ConsumerProtocolSubscription.HIGHEST_SUPPORTED_VERSION);
    }

    /** A full subscription: topics, the assignor's user data, owned partitions, generation and rack. */
    static ByteBuffer subscription(MemberSubscription subscription) {
        return ConsumerProtocol.serializeSubscription(new ConsumerProtocolSubscription()
                .setTopics(subscription.topics())
                .setUserData(subscription.userData() == null ? null : subscription.userData().duplicate())
                .setOwnedPartitions(subscription.ownedPartitions().stream().map(owned ->
                        new ConsumerProtocolSubscription.TopicPartition().setTopic(owned.topic())
                                .setPartitions(owned.partitions())).toList())
                .setGenerationId(subscription.generationId())
                .setRackId(subscription.rackId()),
                ConsumerProtocolSubscription.HIGHEST_SUPPORTED_VERSION);
    }

    static MemberSubscription subscription(ByteBuffer payload) {
        ConsumerProtocolSubscription decoded = ConsumerProtocol.deserializeSubscription(payload);
        return new MemberSubscription(decoded.topics(), decoded.userData(), decoded.ownedPartitions().stream()
                .map(owned -> new PartitionAssignment(owned.topic(), owned.partitions())).toList(),
                decoded.generationId(), decoded.rackId());
    }

    static ByteBuffer assignment(MemberAssignment assignment) {
        return ConsumerProtocol.serializeAssignment(new ConsumerProtocolAssignment()
                .setAssignedPartitions(assignment.partitions().stream().map(partitions ->
                        new ConsumerProtocolAssignment.TopicPartition().setTopic(partitions.topic())
                                .setPartitions(partitions.partitions())).toList())
                .setUserData(assignment.userData() == null ? null : assignment.userData().duplicate()),
                ConsumerProtocolAssignment.HIGHEST_SUPPORTED_VERSION);
    }

    /** An assignment; an empty payload is an empty assignment. */
    static MemberAssignment assignment(ByteBuffer payload) {
        ConsumerProtocolAssignment decoded = ConsumerProtocol.deserializeAssignment(payload);
        return new MemberAssignment(decoded.assignedPartitions().stream()
                .map(assigned -> new PartitionAssignment(assigned.topic(), assigned.partitions())).toList(), decoded.userData());
    }

    static boolean isConsumer(String protocolType) {
        return ConsumerProtocol.PROTOCOL_TYPE.equals(protocolType);
    }
}
