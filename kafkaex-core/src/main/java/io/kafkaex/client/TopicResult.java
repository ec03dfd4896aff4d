package io.kafkaex.client;

import io.kafkaex.protocol.error.KafkaError;

/**
 * The outcome for one topic of a create or delete: {@link KafkaError#NONE} on success, else the error and the
 * broker's message, if any. Immutable.
 */
public record TopicResult(String name, KafkaError error, String message) {

    public boolean isSuccess() {
        return error == KafkaError.NONE;
    }
}
