package io.kafkaex.spring.support;

import java.nio.ByteBuffer;

/**
 * Copies the readable bytes of a record's key, value or header view into an array, leaving the view's position as it
 * was: fetched records are views of buffers the consumer reuses, so what outlives the listener call must be copied.
 * Stateless; any thread.
 */
public final class ByteBuffers {

    private ByteBuffers() {
    }

    /** The readable bytes of {@code view}, or {@code null} for a {@code null} view. */
    public static byte[] toArray(ByteBuffer view) {
        if (view == null) {
            return null;
        }
        ByteBuffer copy = view.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
