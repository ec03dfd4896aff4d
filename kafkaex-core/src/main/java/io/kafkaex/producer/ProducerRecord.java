package io.kafkaex.producer;

import io.kafkaex.protocol.record.Header;

import java.util.List;
import java.util.Objects;

/**
 * A record for {@link KafkaExProducer#send}: the topic, an explicit partition or {@code null} for the
 * partitioner to choose, the serialized key and value (either may be {@code null}), headers, and a timestamp in
 * epoch milliseconds ({@link #NOW}: when it is sent). Immutable apart from the arrays, which are not copied: do
 * not change them until the send completes.
 */
public record ProducerRecord(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers, long timestamp) {

    /** Timestamp meaning "when the record is sent". */
    public static final long NOW = -1;

    public ProducerRecord {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("A record needs a topic");
        }
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("partition must be 0 or more, or null for the partitioner, was " + partition);
        }
        headers = List.copyOf(headers);
        if (timestamp < NOW) {
            throw new IllegalArgumentException("timestamp must be epoch milliseconds or NOW (-1), was " + timestamp);
        }
    }

    /** A record for the partitioner to place, with key ({@code null} for none) and value, no headers, stamped when sent. */
    public static ProducerRecord of(String topic, byte[] key, byte[] value) {
        return new ProducerRecord(topic, null, key, value, List.of(), NOW);
    }

    /** A record for {@code partition}, whatever its key. */
    public static ProducerRecord of(String topic, int partition, byte[] key, byte[] value) {
        return new ProducerRecord(topic, partition, key, value, List.of(), NOW);
    }

    public ProducerRecord withHeaders(List<Header> newHeaders) {
        return new ProducerRecord(topic, partition, key, value, newHeaders, timestamp);
    }

    public ProducerRecord withTimestamp(long epochMillis) {
        return new ProducerRecord(topic, partition, key, value, headers, epochMillis);
    }
}
