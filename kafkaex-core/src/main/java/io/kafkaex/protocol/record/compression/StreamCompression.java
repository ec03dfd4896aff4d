package io.kafkaex.protocol.record.compression;

import io.kafkaex.protocol.ProtocolException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Runs a codec that a library offers as a pair of streams (gzip, xerial snappy, zstd): pumps a buffer through
 * the compressing stream, and a bounded decompressing read whose failures become {@link ProtocolException}.
 * Stateless; any thread may use it.
 */
final class StreamCompression {

    private static final int COPY_CHUNK = 8192;

    /** Wraps the sink that receives compressed bytes in the library's compressing stream. */
    @FunctionalInterface
    interface Compressor {
        OutputStream wrap(OutputStream sink) throws IOException;
    }

    /** Wraps the stream of compressed bytes in the library's decompressing stream. */
    @FunctionalInterface
    interface Decompressor {
        InputStream wrap(InputStream compressed) throws IOException;
    }

    private StreamCompression() {
    }

    /**
     * The compression ratio the output sink is first sized for: record batches of text or JSON shrink about
     * four times with gzip and zstd and about twice with snappy. A better guess means fewer bytes allocated;
     * a worse one costs a regrowth, never correctness.
     */
    static int expectedRatio(CompressionType type) {
        return type == CompressionType.SNAPPY ? 2 : 4;
    }

    static ByteBuffer compress(CompressionType type, ByteBuffer records, Compressor compressor) {
        ByteSink sink = ByteSink.forCompression(type, records.remaining() / expectedRatio(type));
        try (OutputStream out = compressor.wrap(sink)) {
            copy(records, out);
        } catch (IOException e) {
            // The sink never throws, so this is the library failing on valid input.
            throw new UncheckedIOException("Compressing " + type.kafkaName() + " data failed", e);
        }
        return sink.toByteBuffer();
    }

    static ByteBuffer decompress(CompressionType type, ByteBuffer compressed, int maxDecompressedSize,
                                 Decompressor decompressor) {
        ByteSink sink = ByteSink.forDecompression(
                type, maxDecompressedSize, ByteSink.guessDecompressedSize(compressed.remaining()));
        try (InputStream in = decompressor.wrap(new ByteBufferInputStream(compressed))) {
            sink.readAll(in);
        } catch (ProtocolException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Untrusted input: whatever the library throws on it means the bytes are not valid.
            throw CorruptData.exception(type, e);
        }
        return sink.toByteBuffer();
    }

    private static void copy(ByteBuffer records, OutputStream out) throws IOException {
        if (records.hasArray()) {
            out.write(records.array(), records.arrayOffset() + records.position(), records.remaining());
            return;
        }
        ByteBuffer source = records.duplicate();
        byte[] chunk = new byte[Math.min(COPY_CHUNK, source.remaining())];
        while (source.hasRemaining()) {
            int length = Math.min(chunk.length, source.remaining());
            source.get(chunk, 0, length);
            out.write(chunk, 0, length);
        }
    }
}
