package io.kafkaex.client;

/**
 * Where a produced batch landed: topic, partition, the offset of its first record, the log-append time when
 * the topic uses it (else -1) and the partition's log start offset (-1 when unknown). With acks=none the
 * broker does not answer and the offsets are -1. Immutable.
 */
public record RecordMetadata(String topic, int partition, long baseOffset, long logAppendTime, long logStartOffset) {
}
