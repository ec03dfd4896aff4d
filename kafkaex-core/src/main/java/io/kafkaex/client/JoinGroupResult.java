package io.kafkaex.client;

import java.util.List;

/**
 * A successful JoinGroup (kafka_ex's {@code JoinGroup}): the new generation, the protocol the coordinator chose,
 * the leader's and this member's ids, and, for the leader only, every member with its subscription (followers
 * get an empty list). With {@code skipAssignment} (v9+, static leader rejoining) the leader must not assign anew.
 * Immutable; any thread.
 */
public record JoinGroupResult(int generationId, String protocolType, String protocolName, String leaderId, String memberId,
        List<JoinGroupMember> members, boolean skipAssignment) {

    public JoinGroupResult {
        members = List.copyOf(members);
    }

    /** Whether this member leads the group and must send the assignments in SyncGroup. */
    public boolean isLeader() {
        return memberId.equals(leaderId);
    }
}
