package io.kafkaex.client;

import java.util.List;

/**
 * A successful ConsumerGroupHeartbeat (KIP-848): the member's id and current epoch, the interval the coordinator
 * wants heartbeats at, and the member's assignment by topic id, or {@code null} when it did not change since the
 * last heartbeat. The assignment holds only partitions the member may use now; partitions still owned by another
 * member come in a later answer. Immutable; any thread.
 */
public record ConsumerGroupHeartbeatResult(String memberId, int memberEpoch, int heartbeatIntervalMs,
        List<TopicIdPartitions> assignment) {

    public ConsumerGroupHeartbeatResult {
        assignment = assignment == null ? null : List.copyOf(assignment);
    }
}
