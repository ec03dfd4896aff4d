package io.kafkaex.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Reads Kafka protocol primitives from a {@link ByteBuffer}, distrusting every length: each read checks
 * the bytes left first and throws {@link ProtocolException} for truncated data, negative or oversized
 * lengths, over-long varints and array counts that the remaining bytes cannot hold. So hostile input can
 * neither make it allocate more than the frame nor loop.
 *
 * <p>Not thread-safe: one thread reads one message.
 */
public final class ProtocolReader {

    private final ByteBuffer buffer;

    public ProtocolReader(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** The buffer read from; its position is just past the last byte read. */
    public ByteBuffer buffer() {
        return buffer;
    }

    public int remaining() {
        return buffer.remaining();
    }

    public byte readByte() {
        need(1, "int8");
        return buffer.get();
    }

    public boolean readBoolean() {
        return readByte() != 0;
    }

    public short readShort() {
        need(2, "int16");
        return buffer.getShort();
    }

    public int readUnsignedShort() {
        return readShort() & 0xFFFF;
    }

    public int readInt() {
        need(4, "int32");
        return buffer.getInt();
    }

    public long readLong() {
        need(8, "int64");
        return buffer.getLong();
    }

    public double readDouble() {
        need(8, "float64");
        return buffer.getDouble();
    }

    public UUID readUuid() {
        need(16, "uuid");
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** An unsigned varint of at most 5 bytes. */
    public int readUnsignedVarint() {
        try {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                byte b = buffer.get();
                if (shift == 28 && (b & 0xF0) != 0) {
                    throw new ProtocolException("Unsigned varint does not fit in 32 bits");
                }
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("Truncated varint: the data ends inside it");
        }
        throw new ProtocolException("Unsigned varint is longer than 5 bytes");
    }

    /** A zig-zag varint. */
    public int readVarint() {
        int raw = readUnsignedVarint();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** A zig-zag varlong of at most 10 bytes. */
    public long readVarlong() {
        try {
            long value = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                byte b = buffer.get();
                if (shift == 63 && (b & 0xFE) != 0) {
                    throw new ProtocolException("Varlong does not fit in 64 bits");
                }
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return (value >>> 1) ^ -(value & 1);
                }
            }
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("Truncated varlong: the data ends inside it");
        }
        throw new ProtocolException("Varlong is longer than 10 bytes");
    }

    /** A string, or {@code null} for the null marker; compact or int16-length as the version says. */
    public String readString(boolean compact) {
        int length = compact ? readUnsignedVarint() - 1 : readShort();
        if (length < -1) {
            throw new ProtocolException("Negative string length " + length);
        }
        if (length == -1) {
            return null;
        }
        need(length, "string");
        String value;
        if (buffer.hasArray()) {
            value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
        } else {
            byte[] utf8 = new byte[length];
            buffer.get(utf8);
            value = new String(utf8, StandardCharsets.UTF_8);
        }
        return value;
    }

    /**
     * Bytes as a read-only slice of the frame (no copy), or {@code null} for the null marker; compact or
     * int32-length as the version says.
     */
    public ByteBuffer readBytes(boolean compact) {
        int length = compact ? readUnsignedVarint() - 1 : readInt();
        if (length < -1) {
            throw new ProtocolException("Negative bytes length " + length);
        }
        return length == -1 ? null : readSlice(length);
    }

    /**
     * The next {@code length} bytes as a read-only slice; the position moves past them. Reading from a
     * read-only buffer costs one object per slice, from a writable one two.
     */
    public ByteBuffer readSlice(int length) {
        need(length, "bytes");
        int start = buffer.position();
        ByteBuffer slice = buffer.slice(start, length);
        buffer.position(start + length);
        return buffer.isReadOnly() ? slice : slice.asReadOnlyBuffer();
    }

    /**
     * An array length, or -1 for a null array. A count that the remaining bytes cannot hold at
     * {@code minElementSize} bytes per element is rejected before anything is allocated.
     */
    public int readArrayLength(boolean compact, int minElementSize) {
        int length = compact ? readUnsignedVarint() - 1 : readInt();
        if (length < -1) {
            throw new ProtocolException("Negative array length " + length);
        }
        if (length > 0 && (long) length * minElementSize > buffer.remaining()) {
            throw new ProtocolException("Array of " + length + " elements cannot fit in the " + buffer.remaining()
                    + " bytes left");
        }
        return length;
    }

    /** Skips {@code length} bytes. */
    public void skip(int length) {
        need(length, "skipped field");
        buffer.position(buffer.position() + length);
    }

    private void need(int length, String what) {
        if (length < 0 || length > buffer.remaining()) {
            throw new ProtocolException("Truncated " + what + ": needs " + length + " bytes, " + buffer.remaining() + " left");
        }
    }
}
