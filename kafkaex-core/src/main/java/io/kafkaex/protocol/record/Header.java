package io.kafkaex.protocol.record;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A record header: a non-null string key and a nullable value. Values read from a batch are read-only
 * slices of the fetched bytes. Immutable as long as nobody changes the value's bytes; any thread may use it.
 *
 * @param key   the header key, never {@code null}
 * @param value the header value, or {@code null}
 */
public record Header(String key, ByteBuffer value) {

    public Header {
        Objects.requireNonNull(key, "header key");
    }

    /** A header whose value is {@code value} (not copied), or {@code null}. */
    public static Header of(String key, byte[] value) {
        return new Header(key, value == null ? null : ByteBuffer.wrap(value));
    }

    /** The value's bytes, or {@code null}. */
    @Override
    public ByteBuffer value() {
        return value == null ? null : value.duplicate();
    }
}
