package io.kafkaex.spring.serialization;

import io.kafkaex.protocol.record.Header;
import io.kafkaex.spring.support.ByteBuffers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The headers of one record while it is serialized or deserialized: serializers may add headers (the JSON serializer
 * adds its type header), deserializers read them. Keeps the order and duplicates of the record's headers.
 *
 * <p>Not thread-safe: one instance belongs to the one record being converted on the calling thread.
 */
public final class RecordHeaders {

    private final List<Header> headers;

    public RecordHeaders() {
        this.headers = new ArrayList<>();
    }

    public RecordHeaders(List<Header> initial) {
        this.headers = new ArrayList<>(initial);
    }

    /** Appends a header; an existing header of that name stays. */
    public RecordHeaders add(String key, byte[] value) {
        headers.add(Header.of(key, value));
        return this;
    }

    /** Removes every header named {@code key}, then adds this one. */
    public RecordHeaders set(String key, byte[] value) {
        remove(key);
        return add(key, value);
    }

    /** Removes every header named {@code key}. */
    public RecordHeaders remove(String key) {
        headers.removeIf(header -> header.key().equals(key));
        return this;
    }

    /** The value of the last header named {@code key}, or {@code null}. */
    public byte[] lastValue(String key) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header header = headers.get(i);
            if (header.key().equals(key)) {
                return ByteBuffers.toArray(header.value());
            }
        }
        return null;
    }

    /** The value of the last header named {@code key} as UTF-8 text, or {@code null}. */
    public String lastString(String key) {
        byte[] value = lastValue(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The headers, in order; a read-only view. */
    public List<Header> asList() {
        return Collections.unmodifiableList(headers);
    }
}
