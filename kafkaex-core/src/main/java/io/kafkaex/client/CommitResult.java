package io.kafkaex.client;

import io.kafkaex.protocol.error.KafkaError;

/**
 * The outcome of committing one partition's offset (kafka_ex's {@code Offset} as {@code commit_offset} returns
 * it): {@link KafkaError#NONE}, or an error of that partition such as UNKNOWN_TOPIC_OR_PARTITION or
 * OFFSET_METADATA_TOO_LARGE. Errors of the whole group fail the call instead. Immutable; any thread.
 */
public record CommitResult(String topic, int partition, KafkaError error) {

    public boolean isSuccess() {
        return error == KafkaError.NONE;
    }
}
