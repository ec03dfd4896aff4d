package io.kafkaex.protocol.record;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One record as read from a fetch, in the same form whatever the magic of the batch or message that held
 * it: absolute offset, timestamp and its type, key, value and headers (always empty for magic v0/v1).
 * Key and value are read-only views of the fetched (or decompressed) bytes, not copies.
 *
 * <p>Immutable; any thread may use it once the reader has handed it out.
 */
public final class Record {

    private final long offset;
    private final long timestamp;
    private final TimestampType timestampType;
    private final ByteBuffer key;
    private final ByteBuffer value;
    private final List<Header> headers;
    private final boolean control;

    Record(long offset, long timestamp, TimestampType timestampType, ByteBuffer key, ByteBuffer value,
            List<Header> headers, boolean control) {
        this.offset = offset;
        this.timestamp = timestamp;
        this.timestampType = timestampType;
        this.key = key;
        this.value = value;
        this.headers = headers;
        this.control = control;
    }

    public long offset() {
        return offset;
    }

    /** Milliseconds since the epoch, or -1 when the type is {@link TimestampType#NO_TIMESTAMP_TYPE}. */
    public long timestamp() {
        return timestamp;
    }

    public TimestampType timestampType() {
        return timestampType;
    }

    /**
     * The key's bytes as this record's own read-only view (no copy), or {@code null}. Relative reads move
     * its position for later callers: {@code duplicate()} it to read it more than once.
     */
    public ByteBuffer key() {
        return key;
    }

    /** The value's bytes, like {@link #key()}: this record's own read-only view, or {@code null}. */
    public ByteBuffer value() {
        return value;
    }

    public List<Header> headers() {
        return headers;
    }

    /**
     * Whether this is a control record (a transaction marker, say) that the broker wrote, not the producer;
     * consumers skip it after reading it with {@link EndTransactionMarker#of(Record)}.
     */
    public boolean isControl() {
        return control;
    }

    @Override
    public String toString() {
        return "Record(offset=" + offset + ", timestamp=" + timestamp + ", " + timestampType + ", key="
                + size(key) + " bytes, value=" + size(value) + " bytes, headers=" + headers.size()
                + (control ? ", control" : "") + ")";
    }

    private static String size(ByteBuffer bytes) {
        return bytes == null ? "null" : Integer.toString(bytes.remaining());
    }
}
