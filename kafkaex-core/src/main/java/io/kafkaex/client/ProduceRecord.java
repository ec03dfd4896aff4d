package io.kafkaex.client;

import io.kafkaex.protocol.record.Header;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One record to produce: key and value (either may be {@code null}), headers, and a timestamp in epoch
 * milliseconds ({@link #NOW} takes the time of sending). Immutable; the buffers are not copied, so do not
 * change them until the produce completes.
 */
public record ProduceRecord(ByteBuffer key, ByteBuffer value, List<Header> headers, long timestamp) {

    /** Timestamp meaning "when the record is sent". */
    public static final long NOW = -1;

    public ProduceRecord {
        headers = List.copyOf(headers);
        if (timestamp < NOW) {
            throw new IllegalArgumentException("timestamp must be epoch milliseconds or NOW (-1), was " + timestamp);
        }
    }

    /** A record with a value and optional key ({@code null} for none), no headers, timestamped when sent. */
    public static ProduceRecord of(byte[] key, byte[] value) {
        return new ProduceRecord(key == null ? null : ByteBuffer.wrap(key), value == null ? null : ByteBuffer.wrap(value),
                List.of(), NOW);
    }

    public ProduceRecord withHeaders(List<Header> newHeaders) {
        return new ProduceRecord(key, value, newHeaders, timestamp);
    }

    public ProduceRecord withTimestamp(long epochMillis) {
        return new ProduceRecord(key, value, headers, epochMillis);
    }
}
