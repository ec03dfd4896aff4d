package io.kafkaex.protocol.record;

import io.kafkaex.protocol.ProtocolException;
import java.nio.ByteBuffer;

/**
 * Compresses and decompresses the records of a batch or legacy wrapper by compression id. Stateless.
 */
final class RecordsCompression {

    private RecordsCompression() {
    }

    /**
     * The decompressed form of the remaining bytes of {@code compressed}, at most {@code maxDecompressedBytes}.
     *
     * @param where names the batch in error messages, e.g. "record batch at offset 5"
     */
    static ByteBuffer decompress(int compressionId, ByteBuffer compressed, int maxDecompressedBytes, String where) {
        throw new ProtocolException("The " + where + " uses compression " + compressionId
                + ", which this reader cannot decompress yet (limit " + maxDecompressedBytes + " bytes, "
                + compressed.remaining() + " compressed)");
    }

    /** The compressed form of the remaining bytes of {@code records}. */
    static ByteBuffer compress(int compressionId, ByteBuffer records) {
        throw new UnsupportedOperationException("Compression " + compressionId + " is not available yet ("
                + records.remaining() + " bytes)");
    }
}
