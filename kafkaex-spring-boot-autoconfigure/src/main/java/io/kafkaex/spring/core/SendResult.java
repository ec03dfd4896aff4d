package io.kafkaex.spring.core;

import io.kafkaex.client.RecordMetadata;

/**
 * The outcome of a successful {@link KafkaExTemplate} send: the record as sent (with the headers the serializers and
 * the observation added) and where the broker put it (topic, partition, offset in {@link RecordMetadata#baseOffset()},
 * log-append time). Immutable; any thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public record SendResult<K, V>(OutgoingRecord<K, V> producerRecord, RecordMetadata recordMetadata) {

    /** The record's offset in its partition (-1 with acks=none). */
    public long offset() {
        return recordMetadata.baseOffset();
    }

    /** The partition the record went to. */
    public int partition() {
        return recordMetadata.partition();
    }
}
