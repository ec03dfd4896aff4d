package io.kafkaex.client;

import io.kafkaex.protocol.ConsumerProtocol;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a JoinGroup sends (kafka_ex's {@code join_group} options, with the defaults it lacked): the group, the
 * member id ({@code ""} on the first join), the static instance id ({@code null} for a dynamic member), the
 * session timeout, the rebalance timeout, the protocol type ({@code "consumer"}) and the protocols offered.
 * The request may wait on the broker for the whole rebalance, so its deadline is the rebalance timeout plus the
 * client's request timeout. Immutable; any thread.
 *
 * @param reason why the member (re)joins, logged by the broker (JoinGroup v8+), or {@code null}
 */
public record JoinGroupOptions(String groupId, String memberId, String groupInstanceId, Duration sessionTimeout,
        Duration rebalanceTimeout, String protocolType, List<GroupProtocol> protocols, String reason) {

    /** kafka_ex's consumer-group session timeout. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(30);

    /** kafka_ex's {@code join_group} rebalance timeout. */
    public static final Duration DEFAULT_REBALANCE_TIMEOUT = Duration.ofSeconds(60);

    public JoinGroupOptions {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(memberId, "memberId (use \"\" for a first join)");
        Objects.requireNonNull(protocolType, "protocolType");
        if (!positive(sessionTimeout) || !positive(rebalanceTimeout)) {
            throw new IllegalArgumentException("Session and rebalance timeouts must be positive, were " + sessionTimeout
                    + " and " + rebalanceTimeout);
        }
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("Offer at least one protocol");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    /** A first join of a dynamic consumer subscribed to {@code topics}, with the default timeouts. */
    public static JoinGroupOptions consumer(String groupId, Collection<String> topics) {
        return new JoinGroupOptions(groupId, "", null, DEFAULT_SESSION_TIMEOUT, DEFAULT_REBALANCE_TIMEOUT,
                ConsumerProtocol.PROTOCOL_TYPE, List.of(GroupProtocol.consumer(topics)), null);
    }

    public JoinGroupOptions withMemberId(String id) {
        return new JoinGroupOptions(groupId, id, groupInstanceId, sessionTimeout, rebalanceTimeout, protocolType, protocols, reason);
    }

    public JoinGroupOptions withGroupInstanceId(String instanceId) {
        return new JoinGroupOptions(groupId, memberId, instanceId, sessionTimeout, rebalanceTimeout, protocolType, protocols, reason);
    }

    public JoinGroupOptions withTimeouts(Duration session, Duration rebalance) {
        return new JoinGroupOptions(groupId, memberId, groupInstanceId, session, rebalance, protocolType, protocols, reason);
    }

    public JoinGroupOptions withProtocols(String type, List<GroupProtocol> offered) {
        return new JoinGroupOptions(groupId, memberId, groupInstanceId, sessionTimeout, rebalanceTimeout, type, offered, reason);
    }

    public JoinGroupOptions withReason(String text) {
        return new JoinGroupOptions(groupId, memberId, groupInstanceId, sessionTimeout, rebalanceTimeout, protocolType, protocols, text);
    }
}
