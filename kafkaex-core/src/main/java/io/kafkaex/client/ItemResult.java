package io.kafkaex.client;

import io.kafkaex.protocol.error.KafkaError;

/**
 * The outcome for one item (a partition, a configuration resource) of an admin call that reports per item:
 * {@link KafkaError#NONE} on success, else the error. Implementations are immutable records.
 */
public interface ItemResult {

    KafkaError error();

    default boolean isSuccess() {
        return error() == KafkaError.NONE;
    }
}
