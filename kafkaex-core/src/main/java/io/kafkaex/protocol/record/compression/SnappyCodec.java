package io.kafkaex.protocol.record.compression;

import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyError;
import org.xerial.snappy.SnappyOutputStream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Snappy in the xerial stream framing that Kafka's Java client writes ({@code org.xerial.snappy:snappy-java}'s
 * {@link SnappyOutputStream}): a 16-byte header (magic, version, compatible version) followed by chunks, each a
 * big-endian length and a raw snappy block. Reading follows {@code SnappyInputStream}, including raw snappy
 * without the header (as some non-Java clients write) and concatenated streams, but parses the framing itself
 * so that every chunk's declared size is checked against the input and the bound before anything is
 * allocated. Loaded only after {@link CompressionLibrary#SNAPPY} found the library. Stateless; any thread may
 * use an instance concurrently.
 */
final class SnappyCodec implements CompressionCodec {

    private static final byte[] MAGIC = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
    /** The magic, then the version and the compatible version as big-endian ints. */
    private static final int HEADER_LENGTH = MAGIC.length + 8;
    private static final int CHUNK_LENGTH_SIZE = 4;

    @Override
    public CompressionType type() {
        return CompressionType.SNAPPY;
    }

    @Override
    public ByteBuffer compress(ByteBuffer records) {
        return StreamCompression.compress(CompressionType.SNAPPY, records, SnappyOutputStream::new);
    }

    @Override
    public ByteBuffer decompress(ByteBuffer compressed, int maxDecompressedSize) {
        ByteSink sink = ByteSink.forDecompression(CompressionType.SNAPPY, maxDecompressedSize,
                ByteSink.guessDecompressedSize(compressed.remaining()));
        ByteBuffer source = compressed.hasArray() ? compressed : copyToHeap(compressed);
        byte[] input = source.array();
        int start = source.arrayOffset() + source.position();
        int end = start + source.remaining();
        try {
            if (start < end && !hasHeaderAt(input, start, end)) {
                uncompressBlock(input, start, end - start, sink);
            } else {
                uncompressChunks(input, start, end, sink);
            }
        } catch (IOException | SnappyError e) {
            throw CorruptData.exception(CompressionType.SNAPPY, e);
        }
        return sink.toByteBuffer();
    }

    private static void uncompressChunks(byte[] input, int start, int end, ByteSink sink) throws IOException {
        int position = start;
        while (position < end) {
            if (hasHeaderAt(input, position, end)) {
                position += HEADER_LENGTH;
                continue;
            }
            if (end - position < CHUNK_LENGTH_SIZE) {
                throw CorruptData.exception(CompressionType.SNAPPY,
                        "truncated chunk length at offset " + (position - start));
            }
            int chunkLength = ByteBuffer.wrap(input, position, CHUNK_LENGTH_SIZE).getInt();
            position += CHUNK_LENGTH_SIZE;
            if (chunkLength < 0 || chunkLength > end - position) {
                throw CorruptData.exception(CompressionType.SNAPPY, "chunk of " + chunkLength + " bytes at offset "
                        + (position - start) + " but only " + (end - position) + " bytes remain");
            }
            uncompressBlock(input, position, chunkLength, sink);
            position += chunkLength;
        }
    }

    private static void uncompressBlock(byte[] input, int offset, int length, ByteSink sink) throws IOException {
        int declared = Snappy.uncompressedLength(input, offset, length);
        if (declared < 0) {
            throw CorruptData.exception(CompressionType.SNAPPY, "block declares a negative length " + declared);
        }
        byte[] output = sink.reserve(declared);
        int written = Snappy.uncompress(input, offset, length, output, sink.size());
        if (written != declared) {
            throw CorruptData.exception(CompressionType.SNAPPY,
                    "block declared " + declared + " bytes but decompressed to " + written);
        }
        sink.advance(written);
    }

    /** Whether a complete stream header starts at {@code offset}, as {@code SnappyInputStream} checks. */
    private static boolean hasHeaderAt(byte[] input, int offset, int end) {
        return end - offset >= HEADER_LENGTH
                && Arrays.equals(input, offset, offset + MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Direct and read-only buffers expose no array; the snappy array API needs one. */
    private static ByteBuffer copyToHeap(ByteBuffer buffer) {
        ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
        copy.put(buffer.duplicate()).flip();
        return copy;
    }
}
