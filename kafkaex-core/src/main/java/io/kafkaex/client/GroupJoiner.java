package io.kafkaex.client;

import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.JoinGroupRequest;
import io.kafkaex.protocol.message.JoinGroupResponse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * kafka_ex's {@code join_group}, without its MEMBER_ID_REQUIRED bug: a dynamic member's first JoinGroup (v4+,
 * KIP-394) is answered with MEMBER_ID_REQUIRED and the id the coordinator assigned, and this joins again once
 * with that id. The request's deadline is the rebalance timeout plus the request timeout, since the coordinator
 * holds the request until every member has joined. Membership errors fail with a
 * {@code KafkaGroupMembershipException}; transient coordinator errors are retried by {@link CoordinatorCalls}.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class GroupJoiner {

    private final NetworkClient network;
    private final CoordinatorCalls coordinators;
    private final Duration requestTimeout;

    GroupJoiner(NetworkClient network, CoordinatorCalls coordinators, Duration requestTimeout) {
        this.network = network;
        this.coordinators = coordinators;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<JoinGroupResult> join(JoinGroupOptions options) {
        return send(options).thenCompose(answer -> {
            if (answer.result() != null) {
                return CompletableFuture.completedFuture(answer.result());
            }
            return send(options.withMemberId(answer.assignedMemberId())).thenApply(second -> {
                if (second.result() == null) {
                    throw KafkaErrorExceptions.of(KafkaError.MEMBER_ID_REQUIRED, "group '" + options.groupId()
                            + "' asked for a member id again after the join with the id it assigned");
                }
                return second.result();
            });
        });
    }

    private CompletableFuture<Answer> send(JoinGroupOptions options) {
        return coordinators.call(options.groupId(), coordinator -> network.send(coordinator, TrafficClass.GROUP, spec(options)));
    }

    RequestSpec<Answer> spec(JoinGroupOptions options) {
        return new RequestSpec<>(ApiKey.JOIN_GROUP, version -> request(options),
                (reader, version) -> answer(JoinGroupResponse.read(reader, version), options),
                options.rebalanceTimeout().plus(requestTimeout));
    }

    static JoinGroupRequest request(JoinGroupOptions options) {
        return new JoinGroupRequest().setGroupId(options.groupId()).setMemberId(options.memberId())
                .setGroupInstanceId(options.groupInstanceId()).setSessionTimeoutMs(millis(options.sessionTimeout()))
                .setRebalanceTimeoutMs(millis(options.rebalanceTimeout())).setProtocolType(options.protocolType())
                .setReason(options.reason())
                .setProtocols(options.protocols().stream().map(protocol -> new JoinGroupRequest.JoinGroupRequestProtocol()
                        .setName(protocol.name()).setMetadata(protocol.metadata().duplicate())).toList());
    }

    /**
     * The result, or the member id to join again with after MEMBER_ID_REQUIRED.
     *
     * @throws io.kafkaex.protocol.error.KafkaErrorException for any other error
     */
    static Answer answer(JoinGroupResponse response, JoinGroupOptions options) {
        KafkaError error = KafkaError.forCode(response.errorCode());
        if (error == KafkaError.MEMBER_ID_REQUIRED && !response.memberId().isEmpty()) {
            return new Answer(null, response.memberId());
        }
        GroupErrors.check(response.errorCode(), options.groupId(), "joining");
        String protocolType = response.protocolType() != null ? response.protocolType() : options.protocolType();
        boolean consumer = ConsumerPayloads.isConsumer(protocolType);
        return new Answer(new JoinGroupResult(response.generationId(), protocolType, response.protocolName(), response.leader(),
                response.memberId(), response.members().stream().map(member -> new JoinGroupMember(member.memberId(),
                        member.groupInstanceId(), member.metadata(),
                        consumer ? ConsumerPayloads.subscription(member.metadata()) : null)).toList(),
                response.skipAssignment()), null);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    /** Either a result or the member id MEMBER_ID_REQUIRED gave. */
    record Answer(JoinGroupResult result, String assignedMemberId) {
    }
}
