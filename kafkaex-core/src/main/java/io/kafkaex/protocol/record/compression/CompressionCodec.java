package io.kafkaex.protocol.record.compression;

import io.kafkaex.protocol.ProtocolException;

import java.nio.ByteBuffer;

/**
 * Compresses the records section of a record batch and decompresses it again, in the byte format Kafka
 * brokers and the Java client use for the codec's {@link CompressionType}.
 *
 * <p>Both methods read the {@linkplain ByteBuffer#remaining() remaining} bytes of their input without moving
 * its position, accept heap and direct buffers, and return a new heap buffer positioned at zero whose limit
 * is the length of the result. Implementations are stateless and thread-safe: any thread may use one instance
 * concurrently. Obtain one with {@link CompressionType#codec()} or {@link CompressionCodecs}.
 */
public interface CompressionCodec {

    /** The type whose bytes this codec reads and writes. */
    CompressionType type();

    /** The compressed form of the remaining bytes of {@code records}. */
    ByteBuffer compress(ByteBuffer records);

    /**
     * The decompressed form of the remaining bytes of {@code compressed}, which came from the network and are
     * not trusted. Never allocates more than {@code maxDecompressedSize} bytes for the result.
     *
     * @param maxDecompressedSize hard upper bound of the decompressed length, at least zero
     * @throws ProtocolException if the bytes are corrupt or truncated, or decompress to more than
     *                           {@code maxDecompressedSize} bytes
     */
    ByteBuffer decompress(ByteBuffer compressed, int maxDecompressedSize);

    /**
     * Decompresses the inner message set of a legacy (magic 0 or 1) wrapper message. Same as
     * {@link #decompress} except where old writers of that magic encoded differently: LZ4 in magic 0 carried a
     * frame descriptor checksum computed over the LZ4 magic too, which is accepted here.
     */
    default ByteBuffer decompressLegacy(ByteBuffer compressed, int maxDecompressedSize, byte magic) {
        return decompress(compressed, maxDecompressedSize);
    }
}
