package io.kafkaex.protocol.record.compression;

import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads the remaining bytes of a buffer as a stream, leaving the caller's buffer position untouched; feeds
 * the stream-based decompressors. Not thread-safe: one decompression call owns one stream.
 */
final class ByteBufferInputStream extends InputStream {

    private final ByteBuffer buffer;

    ByteBufferInputStream(ByteBuffer buffer) {
        this.buffer = buffer.duplicate();
    }

    @Override
    public int read() {
        return buffer.hasRemaining() ? buffer.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!buffer.hasRemaining()) {
            return -1;
        }
        int count = Math.min(length, buffer.remaining());
        buffer.get(target, offset, count);
        return count;
    }

    @Override
    public int available() {
        return buffer.remaining();
    }
}
