package io.kafkaex.spring.serialization;

/**
 * Turns a record's key or value bytes into an application value. Implementations must be thread-safe: the partitions
 * of a listener convert their records in parallel with one instance.
 *
 * @param <T> the type of the values it reads
 */
@FunctionalInterface
public interface Deserializer<T> {

    /**
     * @param topic the topic the record came from
     * @param headers the record's headers (e.g. a type header to read)
     * @param data the bytes, or {@code null} for a null key or a tombstone
     * @return the value, {@code null} for {@code null} bytes
     * @throws SerializationException when the bytes cannot be read; the listener hands the record to its recoverer
     *     (dead-letter topic) instead of retrying it
     */
    T deserialize(String topic, RecordHeaders headers, byte[] data);
}
