package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordFormat.*;

import io.kafkaex.protocol.ProtocolException;
import java.nio.ByteBuffer;

/**
 * Frames the entries of a log buffer, whatever their magic: every v2 batch and every legacy message starts
 * with offset int64 and length int32, and has its magic byte at position 16. Stateless.
 */
final class LogEntries {

    private LogEntries() {
    }

    /**
     * Cuts the entry at the buffer's position off as a slice (position 0) and moves the position past it;
     * returns {@code null}, leaving the position, when the buffer ends before the entry does.
     *
     * @throws ProtocolException for a length below the minimum of the entry's magic, or an unknown magic
     */
    static ByteBuffer next(ByteBuffer buffer) {
        int position = buffer.position();
        if (buffer.remaining() < LOG_OVERHEAD) {
            return null;
        }
        int size = buffer.getInt(position + LENGTH_OFFSET);
        if (size < LEGACY_MIN_SIZE_V0) {
            throw new ProtocolException("Entry at offset " + buffer.getLong(position) + " has length " + size
                    + ", less than any record format allows");
        }
        if (buffer.remaining() - LOG_OVERHEAD < size) {
            return null;
        }
        byte magic = buffer.get(position + MAGIC_OFFSET);
        int minimum = switch (magic) {
            case MAGIC_V0 -> LEGACY_MIN_SIZE_V0;
            case MAGIC_V1 -> LEGACY_MIN_SIZE_V1;
            case MAGIC_V2 -> MIN_BATCH_SIZE;
            default -> throw new ProtocolException("Entry at offset " + buffer.getLong(position)
                    + " has unknown magic " + magic);
        };
        if (size < minimum) {
            throw new ProtocolException("Entry at offset " + buffer.getLong(position) + " has length " + size
                    + ", less than the " + minimum + " of magic " + magic);
        }
        ByteBuffer entry = buffer.slice(position, LOG_OVERHEAD + size);
        buffer.position(position + LOG_OVERHEAD + size);
        return entry;
    }
}
