package io.kafkaex.spring.listener;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.spring.serialization.Deserializer;
import io.kafkaex.spring.serialization.RecordHeaders;
import io.kafkaex.spring.support.ByteBuffers;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a fetched record into a {@link ConsumedRecord}: key and value through their deserializers, header values
 * copied (the fetched bytes are reused once the batch is handled). Thread-safe when its deserializers are.
 */
final class RecordConverter {

    private final Deserializer<?> keys;
    private final Deserializer<?> values;

    RecordConverter(Deserializer<?> keys, Deserializer<?> values) {
        this.keys = keys;
        this.values = values;
    }

    /** @throws RuntimeException when the key or value cannot be read (a deserialization failure) */
    ConsumedRecord<Object, Object> convert(TopicPartition partition, Record record) {
        List<Header> headers = new ArrayList<>(record.headers().size());
        for (Header header : record.headers()) {
            headers.add(Header.of(header.key(), ByteBuffers.toArray(header.value())));
        }
        RecordHeaders view = new RecordHeaders(headers);
        Object key = keys.deserialize(partition.topic(), view, ByteBuffers.toArray(record.key()));
        Object value = values.deserialize(partition.topic(), view, ByteBuffers.toArray(record.value()));
        return new ConsumedRecord<>(partition.topic(), partition.partition(), record.offset(), record.timestamp(),
                record.timestampType(), key, value, headers);
    }
}
