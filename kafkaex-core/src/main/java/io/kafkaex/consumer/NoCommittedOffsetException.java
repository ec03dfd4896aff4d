package io.kafkaex.consumer;

import io.kafkaex.KafkaExException;
import io.kafkaex.client.TopicPartition;

/**
 * A partition assigned to a member has no committed offset and the reset policy is {@link OffsetResetPolicy#NONE}:
 * the partition is not consumed until the application seeks it or commits an offset for the group. Never a silent
 * reset (kafka_ex rc.1 read from the beginning).
 */
public final class NoCommittedOffsetException extends KafkaExException {

    private final TopicPartition partition;

    NoCommittedOffsetException(String groupId, TopicPartition partition) {
        super("Group '" + groupId + "' has no committed offset for " + partition + " and auto-offset-reset is NONE: "
                + "the partition is not consumed. Seek it, commit an offset for the group, or set auto-offset-reset to "
                + "EARLIEST or LATEST");
        this.partition = partition;
    }

    public TopicPartition partition() {
        return partition;
    }
}
