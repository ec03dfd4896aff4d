package io.kafkaex.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes Kafka protocol primitives into a {@link ByteBuffer} that the caller sized beforehand (messages
 * compute their exact size first). Big-endian fixed-width integers, zig-zag varints, unsigned varints,
 * classic (int16/int32 length) and compact (unsigned varint length + 1) strings, bytes and arrays.
 *
 * <p>Not thread-safe: one thread writes one message.
 */
public final class ProtocolWriter {

    private final ByteBuffer buffer;

    public ProtocolWriter(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** The buffer written to; its position is just past the last byte written. */
    public ByteBuffer buffer() {
        return buffer;
    }

    public void writeByte(byte value) {
        buffer.put(value);
    }

    public void writeBoolean(boolean value) {
        buffer.put(value ? (byte) 1 : (byte) 0);
    }

    public void writeShort(short value) {
        buffer.putShort(value);
    }

    /** An unsigned 16-bit integer, {@code 0..65535}. */
    public void writeUnsignedShort(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("uint16 out of range: " + value);
        }
        buffer.putShort((short) value);
    }

    public void writeInt(int value) {
        buffer.putInt(value);
    }

    public void writeLong(long value) {
        buffer.putLong(value);
    }

    public void writeDouble(double value) {
        buffer.putDouble(value);
    }

    public void writeUuid(UUID value) {
        buffer.putLong(value.getMostSignificantBits());
        buffer.putLong(value.getLeastSignificantBits());
    }

    /** An unsigned varint of 1 to 5 bytes, 7 bits per byte, low bits first. */
    public void writeUnsignedVarint(int value) {
        while ((value & 0xFFFFFF80) != 0) {
            buffer.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        buffer.put((byte) value);
    }

    /** A signed int as a zig-zag varint. */
    public void writeVarint(int value) {
        writeUnsignedVarint((value << 1) ^ (value >> 31));
    }

    /** A signed long as a zig-zag varlong of 1 to 10 bytes. */
    public void writeVarlong(long value) {
        long zigZag = (value << 1) ^ (value >> 63);
        while ((zigZag & 0xFFFFFFFFFFFFFF80L) != 0) {
            buffer.put((byte) ((zigZag & 0x7F) | 0x80));
            zigZag >>>= 7;
        }
        buffer.put((byte) zigZag);
    }

    public void writeRaw(byte[] bytes) {
        buffer.put(bytes);
    }

    public void writeRaw(ByteBuffer bytes) {
        buffer.put(bytes.duplicate());
    }

    /**
     * A string: compact (unsigned varint length + 1, 0 for null) when {@code compact}, else int16 length
     * (-1 for null). Callers check nullability before; null here writes the null marker.
     */
    public void writeString(String value, boolean compact) {
        if (value == null) {
            writeNullLength(compact, false);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (compact) {
            writeUnsignedVarint(utf8.length + 1);
        } else {
            if (utf8.length > Short.MAX_VALUE) {
                throw new IllegalArgumentException("String of " + utf8.length + " UTF-8 bytes exceeds 32767");
            }
            buffer.putShort((short) utf8.length);
        }
        buffer.put(utf8);
    }

    /** Bytes: compact (unsigned varint length + 1, 0 for null) or int32 length (-1 for null). */
    public void writeBytes(ByteBuffer value, boolean compact) {
        if (value == null) {
            writeNullLength(compact, true);
            return;
        }
        writeLength(value.remaining(), compact);
        buffer.put(value.duplicate());
    }

    /** An array length: compact (n + 1, 0 for null) or int32 (-1 for null). */
    public void writeArrayLength(int length, boolean compact) {
        writeLength(length, compact);
    }

    /** The null marker of a nullable array. */
    public void writeNullArray(boolean compact) {
        writeNullLength(compact, true);
    }

    private void writeLength(int length, boolean compact) {
        if (compact) {
            writeUnsignedVarint(length + 1);
        } else {
            buffer.putInt(length);
        }
    }

    private void writeNullLength(boolean compact, boolean int32) {
        if (compact) {
            writeUnsignedVarint(0);
        } else if (int32) {
            buffer.putInt(-1);
        } else {
            buffer.putShort((short) -1);
        }
    }
}
