package io.kafkaex.protocol.record.compression;

import io.kafkaex.protocol.ProtocolException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable byte array that never grows beyond a hard bound: the output of every codec. Exceeding the bound
 * throws {@link ProtocolException} before anything is allocated for the excess. Not thread-safe: one codec
 * call creates, fills and hands out one sink.
 */
final class ByteSink extends OutputStream {

    /** The largest array length every JVM can allocate. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    private static final int MIN_INITIAL_CAPACITY = 256;

    private final String description;
    private final int bound;
    private byte[] bytes;
    private int size;

    private ByteSink(String description, int bound, int initialCapacity) {
        this.description = description;
        this.bound = bound;
        this.bytes = new byte[Math.min(bound, Math.max(MIN_INITIAL_CAPACITY, initialCapacity))];
    }

    /** A sink for compressed output, bounded only by what an array can hold. */
    static ByteSink forCompression(CompressionType type, int initialCapacity) {
        return new ByteSink("Compressed " + type.kafkaName() + " data", MAX_ARRAY_LENGTH, initialCapacity);
    }

    /** A sink for decompressed output of at most {@code bound} bytes. */
    static ByteSink forDecompression(CompressionType type, int bound, int initialCapacity) {
        if (bound < 0) {
            throw new IllegalArgumentException("maxDecompressedSize must not be negative: " + bound);
        }
        return new ByteSink("Decompressed " + type.kafkaName() + " data", bound, initialCapacity);
    }

    /** A first guess of the decompressed size, to start the sink at; growth corrects it. */
    static int guessDecompressedSize(int compressedSize) {
        return (int) Math.min(MAX_ARRAY_LENGTH, 4L * compressedSize);
    }

    int size() {
        return size;
    }

    /** How many more bytes fit under the bound. */
    int room() {
        return bound - size;
    }

    /**
     * Makes room for {@code length} more bytes and returns the backing array; the caller writes them at
     * {@link #size()} and then calls {@link #advance(int)}.
     */
    byte[] reserve(int length) {
        if (length > room()) {
            throw exceeded();
        }
        int required = size + length;
        if (required > bytes.length) {
            int doubled = (int) Math.min(bound, 2L * bytes.length);
            bytes = Arrays.copyOf(bytes, Math.max(required, doubled));
        }
        return bytes;
    }

    /** Counts {@code length} bytes the caller wrote into the array {@link #reserve(int)} returned. */
    void advance(int length) {
        size += length;
    }

    @Override
    public void write(int b) {
        reserve(1)[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        System.arraycopy(source, offset, reserve(length), size, length);
        size += length;
    }

    /** Appends {@code length} bytes of {@code source} starting at its absolute index {@code index}. */
    void write(ByteBuffer source, int index, int length) {
        source.get(index, reserve(length), size, length);
        size += length;
    }

    /** Appends everything {@code in} yields up to its end, reading at most one byte beyond the bound. */
    void readAll(InputStream in) throws IOException {
        while (true) {
            if (size == bytes.length) {
                if (size == bound) {
                    if (in.read() != -1) {
                        throw exceeded();
                    }
                    return;
                }
                reserve(1);
            }
            int read = in.read(bytes, size, bytes.length - size);
            if (read < 0) {
                return;
            }
            size += read;
        }
    }

    /** The bytes written so far, without copying; the sink must not be used afterwards. */
    ByteBuffer toByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    private ProtocolException exceeded() {
        return new ProtocolException(description + " exceeds the bound of " + bound + " bytes");
    }
}
