package io.kafkaex.protocol.record;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.record.compression.CompressionType;
import java.nio.ByteBuffer;

/**
 * Decompresses the records of a v2 batch or the inner message set of a legacy wrapper, within the reader's
 * bound, naming the batch when the compressed bytes are bad. Stateless.
 */
final class RecordsCompression {

    private RecordsCompression() {
    }

    /**
     * The decompressed form of the remaining bytes of {@code compressed}, at most {@code maxDecompressedBytes}.
     *
     * @param where names the batch in error messages, e.g. "record batch at offset 5"
     */
    static ByteBuffer decompress(CompressionType type, ByteBuffer compressed, int maxDecompressedBytes, String where) {
        return decompress(type, compressed, maxDecompressedBytes, where, RecordFormat.MAGIC_V2);
    }

    /** As {@link #decompress(CompressionType, ByteBuffer, int, String)} for a message of {@code magic}. */
    static ByteBuffer decompress(CompressionType type, ByteBuffer compressed, int maxDecompressedBytes, String where,
            byte magic) {
        try {
            return magic < RecordFormat.MAGIC_V2
                    ? type.codec().decompressLegacy(compressed, maxDecompressedBytes, magic)
                    : type.codec().decompress(compressed, maxDecompressedBytes);
        } catch (ProtocolException e) {
            throw new ProtocolException("The " + where + " holds bad " + type.kafkaName() + " data: " + e.getMessage(), e);
        }
    }
}
