package io.kafkaex.consumer.assignor;

import io.kafkaex.client.JoinGroupMember;
import io.kafkaex.client.MemberAssignment;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A consumer-group partition assignor: the elected leader runs it over every member's subscription and sends the
 * result in SyncGroup. Its {@link #name()} is the protocol name offered in JoinGroup, so an assignor that shares a
 * name with a Java consumer's assignor must assign the same way for kafkaex and Java members to share a group.
 *
 * <p>Implementations are called on the group member's coordination thread, one call at a time per member.
 */
public interface PartitionAssignor {

    /** Whether members give up all partitions before a rebalance or only those that move (KIP-429). */
    enum RebalanceProtocol {
        /** Every member revokes all its partitions before it rejoins. */
        EAGER,
        /** Members keep their partitions across a rebalance and revoke only those assigned elsewhere. */
        COOPERATIVE
    }

    /** The protocol name offered in JoinGroup, e.g. {@code range}. */
    String name();

    /** How members using this assignor rebalance. */
    default RebalanceProtocol rebalanceProtocol() {
        return RebalanceProtocol.EAGER;
    }

    /**
     * The assignor's user data for this member's subscription, sent with every JoinGroup; {@code null} for none.
     *
     * @param topics the subscribed topics
     * @param generationId the generation of the partitions this member owns, or -1 before its first assignment
     */
    default ByteBuffer subscriptionUserData(Set<String> topics, int generationId) {
        return null;
    }

    /**
     * Assigns the partitions of the subscribed topics to the members.
     *
     * @param partitionsPerTopic the partition count of every subscribed topic the leader found in the metadata
     *     (a topic missing there is left out and gets no assignment)
     * @param members every member in the order of the JoinGroup response, with its decoded subscription
     * @return an assignment for every member id of {@code members} (an empty one for a member that gets nothing)
     */
    Map<String, MemberAssignment> assign(Map<String, Integer> partitionsPerTopic, List<JoinGroupMember> members);
}
