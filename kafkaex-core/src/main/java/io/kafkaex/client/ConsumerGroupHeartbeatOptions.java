package io.kafkaex.client;

import java.util.List;
import java.util.Objects;

/**
 * What one ConsumerGroupHeartbeat sends (KIP-848, {@code group.protocol=consumer}): the member's group, id and epoch
 * (0 to join, -1 to leave, -2 for a static member that leaves to come back) and the member's fields. Every field after
 * the epoch may be left out ({@code null}, or -1 for the rebalance timeout) when it did not change since the last
 * heartbeat; a join sends at least the subscribed topics. From ConsumerGroupHeartbeat v1 (Kafka 4.0, KIP-1082) the
 * member id is the member's own, generated once per member (e.g. a random UUID); on v0 a join may send {@code ""} and
 * use the id the coordinator answers with. Immutable; any thread.
 *
 * @param rebalanceTimeoutMs how long the coordinator waits for the member to revoke partitions, or -1
 * @param serverAssignor the coordinator's assignor to use ({@code "uniform"}, {@code "range"}), or {@code null} for
 *     the coordinator's default
 * @param topicPartitions the partitions the member owns now: the acknowledgement of the assignment
 */
public record ConsumerGroupHeartbeatOptions(String groupId, String memberId, int memberEpoch, String instanceId,
        String rackId, int rebalanceTimeoutMs, List<String> subscribedTopicNames, String serverAssignor,
        List<TopicIdPartitions> topicPartitions) {

    /** The epoch that joins the group. */
    public static final int JOIN_EPOCH = 0;
    /** The epoch that leaves the group: the member's partitions are reassigned at once. */
    public static final int LEAVE_EPOCH = -1;
    /** The epoch with which a static member leaves to come back: its partitions wait for it for a session timeout. */
    public static final int LEAVE_STATIC_EPOCH = -2;

    public ConsumerGroupHeartbeatOptions {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(memberId, "memberId");
        subscribedTopicNames = subscribedTopicNames == null ? null : List.copyOf(subscribedTopicNames);
        topicPartitions = topicPartitions == null ? null : List.copyOf(topicPartitions);
    }

    /** The leave of a member: epoch -1, or -2 for a static member ({@code instanceId} non-null). */
    public static ConsumerGroupHeartbeatOptions leave(String groupId, String memberId, String instanceId) {
        return new ConsumerGroupHeartbeatOptions(groupId, memberId, instanceId == null ? LEAVE_EPOCH : LEAVE_STATIC_EPOCH,
                instanceId, null, -1, null, null, null);
    }
}
