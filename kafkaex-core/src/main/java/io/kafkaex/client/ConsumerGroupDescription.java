package io.kafkaex.client;

import io.kafkaex.protocol.error.KafkaError;

import java.util.List;

/**
 * A group as DescribeGroups shows it (kafka_ex's {@code ConsumerGroupDescription}): its state (e.g. "Stable",
 * "Empty", "Dead"), protocol type and chosen protocol, and members. A group that could not be described keeps its
 * error here ({@link KafkaError#NONE} otherwise) rather than failing the other groups of the call (kafka_ex
 * returned a list of errors its retry loop could not read). Immutable; any thread.
 *
 * @param errorMessage         the broker's message for the error (v6+), or {@code null}
 * @param authorizedOperations a bit field of allowed operations when asked for (v3+), else {@link Integer#MIN_VALUE}
 */
public record ConsumerGroupDescription(String groupId, KafkaError error, String errorMessage, String state,
        String protocolType, String protocol, List<MemberDescription> members, int authorizedOperations) {

    public ConsumerGroupDescription {
        members = List.copyOf(members);
    }

    /** A group for which the call failed with {@code error}. */
    static ConsumerGroupDescription failed(String groupId, KafkaError error, String message) {
        return new ConsumerGroupDescription(groupId, error, message, "", "", "", List.of(), Integer.MIN_VALUE);
    }

    /** kafka_ex's {@code stable?/1}. */
    public boolean isStable() {
        return "Stable".equals(state);
    }
}
