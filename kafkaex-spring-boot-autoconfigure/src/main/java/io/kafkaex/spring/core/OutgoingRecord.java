package io.kafkaex.spring.core;

import io.kafkaex.protocol.record.Header;
import io.kafkaex.spring.serialization.RecordHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A record for {@link KafkaExTemplate}: topic, partition ({@code null}: the partitioner chooses), key and value before
 * serialization, headers, and a timestamp in epoch milliseconds ({@code null}: when it is sent). In a
 * {@link SendResult} it is the record as sent, its headers including those the serializers and the observation added.
 * Immutable (the header values are not copied); any thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public record OutgoingRecord<K, V>(String topic, Integer partition, K key, V value, List<Header> headers, Long timestamp) {

    public OutgoingRecord {
        Objects.requireNonNull(topic, "topic");
        headers = List.copyOf(headers);
    }

    /** A record without key, partition, headers or timestamp. */
    public static <K, V> OutgoingRecord<K, V> of(String topic, V value) {
        return new OutgoingRecord<>(topic, null, null, value, List.of(), null);
    }

    /** A record with a key, for the partitioner to place by it. */
    public static <K, V> OutgoingRecord<K, V> of(String topic, K key, V value) {
        return new OutgoingRecord<>(topic, null, key, value, List.of(), null);
    }

    public OutgoingRecord<K, V> withPartition(Integer newPartition) {
        return new OutgoingRecord<>(topic, newPartition, key, value, headers, timestamp);
    }

    public OutgoingRecord<K, V> withTimestamp(Long epochMillis) {
        return new OutgoingRecord<>(topic, partition, key, value, headers, epochMillis);
    }

    /** This record with exactly these headers, in their order. */
    public OutgoingRecord<K, V> withHeaders(Iterable<Header> newHeaders) {
        List<Header> copy = new ArrayList<>();
        newHeaders.forEach(copy::add);
        return new OutgoingRecord<>(topic, partition, key, value, copy, timestamp);
    }

    /** This record with the headers collected in {@code newHeaders}. */
    public OutgoingRecord<K, V> withHeaders(RecordHeaders newHeaders) {
        return withHeaders(newHeaders.asList());
    }
}
