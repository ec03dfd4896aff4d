package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordFormat.*;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.ProtocolReader;
import io.kafkaex.protocol.record.compression.CompressionType;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * One decoded magic v0/v1 message: offset int64, size int32, crc uint32 (CRC-32 of the rest), magic int8,
 * attributes int8 (compression bits 0-2, v1 timestamp type bit 3), timestamp int64 (v1 only), key bytes,
 * value bytes (int32 lengths, -1 for null). Immutable once parsed.
 */
record LegacyMessage(long offset, byte magic, CompressionType compressionType, TimestampType timestampType,
        long timestamp, ByteBuffer key, ByteBuffer value) {

    /**
     * Decodes one message framed by {@link LogEntries#next(ByteBuffer)}, checking its CRC and that its key
     * and value fill it exactly.
     */
    static LegacyMessage parse(ByteBuffer entry) {
        long offset = entry.getLong(0);
        long storedCrc = Integer.toUnsignedLong(entry.getInt(LEGACY_CRC_OFFSET));
        CRC32 crc = new CRC32();
        crc.update(entry.duplicate().position(MAGIC_OFFSET));
        if (crc.getValue() != storedCrc) {
            throw new ProtocolException("Message at offset " + offset + " is corrupt: CRC-32 is 0x"
                    + Long.toHexString(crc.getValue()) + ", header says 0x" + Long.toHexString(storedCrc));
        }
        ProtocolReader reader = new ProtocolReader(entry.duplicate().position(MAGIC_OFFSET));
        byte magic = reader.readByte();
        byte attributes = reader.readByte();
        long timestamp = magic == MAGIC_V0 ? NO_TIMESTAMP : reader.readLong();
        ByteBuffer key = reader.readBytes(false);
        ByteBuffer value = reader.readBytes(false);
        if (reader.remaining() != 0) {
            throw new ProtocolException("Message at offset " + offset + " has " + reader.remaining()
                    + " bytes after its value");
        }
        TimestampType timestampType = magic == MAGIC_V0
                ? TimestampType.NO_TIMESTAMP_TYPE
                : TimestampType.fromAttributeBit((attributes & TIMESTAMP_TYPE_BIT) != 0);
        return new LegacyMessage(offset, magic, CompressionType.forId(attributes & COMPRESSION_MASK), timestampType,
                timestamp, key, value);
    }
}
