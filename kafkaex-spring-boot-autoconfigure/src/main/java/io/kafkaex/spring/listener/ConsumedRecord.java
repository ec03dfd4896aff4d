package io.kafkaex.spring.listener;

import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.TimestampType;
import io.kafkaex.spring.support.ByteBuffers;

import java.util.List;

/**
 * A received record with its key and value converted, as a listener method parameter. Its header values are copies,
 * so it stays valid after the invocation. Immutable.
 *
 * @param timestamp epoch milliseconds, or -1 when {@code timestampType} is {@code NO_TIMESTAMP_TYPE}
 * @param timestampType what the timestamp means
 * @param <K> the key type
 * @param <V> the value type
 */
public record ConsumedRecord<K, V>(String topic, int partition, long offset, long timestamp,
        TimestampType timestampType, K key, V value, List<Header> headers) {

    public ConsumedRecord {
        headers = List.copyOf(headers);
    }

    /** The value of the last header named {@code name}, or {@code null}. */
    public byte[] lastHeader(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header header = headers.get(i);
            if (header.key().equals(name)) {
                return ByteBuffers.toArray(header.value());
            }
        }
        return null;
    }
}
