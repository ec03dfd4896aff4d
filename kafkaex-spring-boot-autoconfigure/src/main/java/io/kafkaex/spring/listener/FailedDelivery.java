package io.kafkaex.spring.listener;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Record;

import java.util.List;

/**
 * A listener invocation that failed, as the {@link ListenerErrorHandler} sees it: the raw records (one for a record
 * listener, the batch for a batch listener) with their original key, value and header bytes, why it failed and how
 * often in a row. Immutable.
 *
 * @param listenerId the listener's id
 * @param groupId the listener's consumer group
 * @param partition the partition the records came from
 * @param records the records, in offset order, as fetched
 * @param error what the invocation threw (unwrapped from reflection), or the deserialization failure
 * @param attempt how many times in a row this invocation failed: 1 on the first failure
 * @param deserializationFailure the records could not be converted to the method's arguments; retrying cannot help
 */
public record FailedDelivery(String listenerId, String groupId, TopicPartition partition, List<Record> records,
        Throwable error, int attempt, boolean deserializationFailure) {

    public FailedDelivery {
        records = List.copyOf(records);
    }
}
