package io.kafkaex.spring.serialization;

/**
 * Turns an application value into a record's key or value bytes. Implementations must be thread-safe: one instance
 * serves every thread that sends through a template.
 *
 * @param <T> the type of the values it writes
 */
@FunctionalInterface
public interface Serializer<T> {

    /**
     * @param topic the topic the record goes to
     * @param headers the record's headers; a serializer may add to them (e.g. a type header)
     * @param data the value, possibly {@code null}
     * @return the bytes, or {@code null} for a null key or a tombstone value
     * @throws SerializationException when the value cannot be written
     */
    byte[] serialize(String topic, RecordHeaders headers, T data);
}
