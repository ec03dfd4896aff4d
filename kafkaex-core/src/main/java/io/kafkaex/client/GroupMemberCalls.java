package io.kafkaex.client;

import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolMessage;
import io.kafkaex.protocol.ProtocolReader;
import io.kafkaex.protocol.message.ConsumerGroupHeartbeatRequest;
import io.kafkaex.protocol.message.ConsumerGroupHeartbeatResponse;
import io.kafkaex.protocol.message.HeartbeatRequest;
import io.kafkaex.protocol.message.HeartbeatResponse;
import io.kafkaex.protocol.message.LeaveGroupRequest;
import io.kafkaex.protocol.message.LeaveGroupResponse;
import io.kafkaex.protocol.message.SyncGroupRequest;
import io.kafkaex.protocol.message.SyncGroupResponse;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * kafka_ex's {@code sync_group}, {@code heartbeat} and {@code leave_group} for a member that has joined, and the
 * KIP-848 member's ConsumerGroupHeartbeat, each one request to the group's coordinator on the group connection.
 * Errors such as ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, REBALANCE_IN_PROGRESS and FENCED_MEMBER_EPOCH fail with a
 * {@code KafkaGroupMembershipException}; transient coordinator errors are retried by {@link CoordinatorCalls}.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class GroupMemberCalls {

    /**
     * A follower's SyncGroup waits on the broker until the leader's arrives, at most about a session timeout
     * (30 seconds by default), on top of the request timeout.
     */
    static final Duration SYNC_WAIT = JoinGroupOptions.DEFAULT_SESSION_TIMEOUT;

    private final NetworkClient network;
    private final CoordinatorCalls coordinators;
    private final Duration requestTimeout;

    GroupMemberCalls(NetworkClient network, CoordinatorCalls coordinators, Duration requestTimeout) {
        this.network = network;
        this.coordinators = coordinators;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<SyncGroupResult> sync(SyncGroupOptions options) {
        return call(options.groupId(), ApiKey.SYNC_GROUP, version -> syncRequest(options),
                (reader, version) -> syncResult(SyncGroupResponse.read(reader, version), options),
                requestTimeout.plus(SYNC_WAIT));
    }

    CompletableFuture<Void> heartbeat(String group, String memberId, int generationId, String groupInstanceId) {
        return call(group, ApiKey.HEARTBEAT, version -> new HeartbeatRequest().setGroupId(group).setMemberId(memberId)
                .setGenerationId(generationId).setGroupInstanceId(groupInstanceId), (reader, version) -> {
                    GroupErrors.check(HeartbeatResponse.read(reader, version).errorCode(), group, "heartbeat of " + memberId);
                    return null;
                }, requestTimeout);
    }

    CompletableFuture<Void> leave(String group, String memberId, String groupInstanceId) {
        return call(group, ApiKey.LEAVE_GROUP, version -> leaveRequest(group, memberId, groupInstanceId, version),
                (reader, version) -> {
                    leaveResult(LeaveGroupResponse.read(reader, version), group, memberId);
                    return null;
                }, requestTimeout);
    }

    CompletableFuture<ConsumerGroupHeartbeatResult> consumerHeartbeat(ConsumerGroupHeartbeatOptions options) {
        return call(options.groupId(), ApiKey.CONSUMER_GROUP_HEARTBEAT, version -> consumerHeartbeatRequest(options),
                (reader, version) -> consumerHeartbeatResult(ConsumerGroupHeartbeatResponse.read(reader, version), options),
                requestTimeout);
    }

    private <T> CompletableFuture<T> call(String group, ApiKey api, Function<Short, ProtocolMessage> body,
            BiFunction<ProtocolReader, Short, T> parser, Duration deadline) {
        return coordinators.call(group, coordinator -> network.send(coordinator, TrafficClass.GROUP,
                new RequestSpec<>(api, body, parser, deadline)));
    }

    static SyncGroupRequest syncRequest(SyncGroupOptions options) {
        return new SyncGroupRequest().setGroupId(options.groupId()).setGenerationId(options.generationId())
                .setMemberId(options.memberId()).setGroupInstanceId(options.groupInstanceId())
                .setProtocolType(options.protocolType()).setProtocolName(options.protocolName())
                .setAssignments(options.assignments().entrySet().stream().map(entry ->
                        new SyncGroupRequest.SyncGroupRequestAssignment().setMemberId(entry.getKey())
                                .setAssignment(entry.getValue().duplicate())).toList());
    }

    static SyncGroupResult syncResult(SyncGroupResponse response, SyncGroupOptions options) {
        GroupErrors.check(response.errorCode(), options.groupId(), "sync of " + options.memberId());
        String protocolType = response.protocolType() != null ? response.protocolType() : options.protocolType();
        ByteBuffer payload = response.assignment() == null ? ByteBuffer.allocate(0) : response.assignment();
        return new SyncGroupResult(payload,
                ConsumerPayloads.isConsumer(protocolType) ? ConsumerPayloads.assignment(payload) : null);
    }

    static ConsumerGroupHeartbeatRequest consumerHeartbeatRequest(ConsumerGroupHeartbeatOptions options) {
        return new ConsumerGroupHeartbeatRequest().setGroupId(options.groupId()).setMemberId(options.memberId())
                .setMemberEpoch(options.memberEpoch()).setInstanceId(options.instanceId()).setRackId(options.rackId())
                .setRebalanceTimeoutMs(options.rebalanceTimeoutMs()).setSubscribedTopicNames(options.subscribedTopicNames())
                .setServerAssignor(options.serverAssignor())
                .setTopicPartitions(options.topicPartitions() == null ? null : options.topicPartitions().stream()
                        .map(owned -> new ConsumerGroupHeartbeatRequest.TopicPartitions().setTopicId(owned.topicId())
                                .setPartitions(owned.partitions())).toList());
    }

    /** The answer; the member id is the request's when the coordinator sends none. */
    static ConsumerGroupHeartbeatResult consumerHeartbeatResult(ConsumerGroupHeartbeatResponse response,
            ConsumerGroupHeartbeatOptions options) {
        GroupErrors.check(response.errorCode(), options.groupId(), "heartbeat of member '" + options.memberId()
                + "' in epoch " + options.memberEpoch() + (response.errorMessage() == null ? "" : ": " + response.errorMessage()));
        String memberId = response.memberId() == null || response.memberId().isEmpty() ? options.memberId()
                : response.memberId();
        ConsumerGroupHeartbeatResponse.Assignment assignment = response.assignment();
        return new ConsumerGroupHeartbeatResult(memberId, response.memberEpoch(), response.heartbeatIntervalMs(),
                assignment == null ? null : assignment.topicPartitions().stream()
                        .map(topic -> new TopicIdPartitions(topic.topicId(), topic.partitions())).toList());
    }

    /** One member id up to v2; from v3 (KIP-345) a members array, here with one member. */
    static LeaveGroupRequest leaveRequest(String group, String memberId, String groupInstanceId, short version) {
        LeaveGroupRequest request = new LeaveGroupRequest().setGroupId(group);
        if (version < 3) {
            return request.setMemberId(memberId);
        }
        return request.setMembers(List.of(new LeaveGroupRequest.MemberIdentity().setMemberId(memberId)
                .setGroupInstanceId(groupInstanceId)));
    }

    /** Fails for a group error, or (v3+) for the error of this member. */
    static void leaveResult(LeaveGroupResponse response, String group, String memberId) {
        GroupErrors.check(response.errorCode(), group, "leave of " + memberId);
        response.members().forEach(member -> GroupErrors.check(member.errorCode(), group, "leave of " + member.memberId()));
    }
}
