package io.kafkaex.client;

import io.kafkaex.protocol.ConsumerProtocol;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a SyncGroup sends: the member's group, generation and id, its static instance id ({@code null} if
 * dynamic), the protocol type and name the join gave (sent from v5, {@code null} to skip the broker's check),
 * and, from the leader only, each member's assignment as protocol payload bytes (followers send none).
 * Immutable (payloads are read-only views); any thread.
 */
public record SyncGroupOptions(String groupId, int generationId, String memberId, String groupInstanceId, String protocolType,
        String protocolName, Map<String, ByteBuffer> assignments) {

    public SyncGroupOptions {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(memberId, "memberId");
        Map<String, ByteBuffer> copy = new LinkedHashMap<>();
        assignments.forEach((member, payload) -> copy.put(member, payload.asReadOnlyBuffer()));
        assignments = Collections.unmodifiableMap(copy);
    }

    /**
     * A consumer-group SyncGroup (kafka_ex's {@code sync_group}): the leader passes every member's assignment,
     * a follower an empty map.
     */
    public static SyncGroupOptions consumer(String groupId, int generationId, String memberId,
            Map<String, MemberAssignment> assignments) {
        Map<String, ByteBuffer> payloads = new LinkedHashMap<>();
        assignments.forEach((member, assignment) -> payloads.put(member, ConsumerPayloads.assignment(assignment)));
        return new SyncGroupOptions(groupId, generationId, memberId, null, ConsumerProtocol.PROTOCOL_TYPE, null, payloads);
    }

    /** The options a member of the generation {@code joined} syncs with, leader or follower. */
    public static SyncGroupOptions after(String groupId, JoinGroupResult joined, Map<String, MemberAssignment> assignments) {
        return consumer(groupId, joined.generationId(), joined.memberId(), assignments)
                .withProtocol(joined.protocolType(), joined.protocolName());
    }

    public SyncGroupOptions withGroupInstanceId(String instanceId) {
        return new SyncGroupOptions(groupId, generationId, memberId, instanceId, protocolType, protocolName, assignments);
    }

    public SyncGroupOptions withProtocol(String type, String name) {
        return new SyncGroupOptions(groupId, generationId, memberId, groupInstanceId, type, name, assignments);
    }
}
