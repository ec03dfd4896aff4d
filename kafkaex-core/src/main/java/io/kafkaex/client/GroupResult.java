package io.kafkaex.client;

import io.kafkaex.protocol.error.KafkaError;

/**
 * The outcome for one group of a group deletion: {@link KafkaError#NONE}, or the error (e.g. NON_EMPTY_GROUP,
 * Java's GROUP_NOT_EMPTY, for a group with members, or GROUP_ID_NOT_FOUND) and the broker's message, if any.
 * Immutable; any thread.
 */
public record GroupResult(String groupId, KafkaError error, String message) {

    public boolean isSuccess() {
        return error == KafkaError.NONE;
    }
}
