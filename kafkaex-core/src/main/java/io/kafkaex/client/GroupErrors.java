package io.kafkaex.client;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which errors of group responses concern the whole group or its coordinator rather than one partition: these
 * fail a call with a typed exception (and the transient coordinator errors among them are retried), while
 * partition errors are results. Stateless; any thread.
 */
final class GroupErrors {

    private static final Set<KafkaError> GROUP_LEVEL = EnumSet.of(KafkaError.COORDINATOR_LOAD_IN_PROGRESS,
            KafkaError.COORDINATOR_NOT_AVAILABLE, KafkaError.NOT_COORDINATOR, KafkaError.ILLEGAL_GENERATION,
            KafkaError.UNKNOWN_MEMBER_ID, KafkaError.REBALANCE_IN_PROGRESS, KafkaError.FENCED_INSTANCE_ID,
            KafkaError.FENCED_MEMBER_EPOCH, KafkaError.STALE_MEMBER_EPOCH, KafkaError.GROUP_AUTHORIZATION_FAILED,
            KafkaError.INVALID_GROUP_ID, KafkaError.GROUP_ID_NOT_FOUND);

    private GroupErrors() {
    }

    static boolean isGroupLevel(KafkaError error) {
        return GROUP_LEVEL.contains(error);
    }

    /** Throws the typed exception for {@code code} unless it is 0, naming the group and the broker's message. */
    static void check(short code, String group, String brokerMessage) {
        KafkaError error = KafkaError.forCode(code);
        if (error != KafkaError.NONE) {
            throw KafkaErrorExceptions.of(error, "group '" + group + "'" + (brokerMessage == null ? "" : ": " + brokerMessage));
        }
    }
}
