package io.kafkaex.protocol.record.compression;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip (RFC 1952) through {@code java.util.zip}, always available; reads concatenated members like Kafka does.
 * Stateless; any thread may use an instance concurrently.
 */
final class GzipCodec implements CompressionCodec {

    /** zlib's default, which is what Kafka's default level ({@code Deflater.DEFAULT_COMPRESSION}) means. */
    static final int DEFAULT_LEVEL = 6;
    private static final int MIN_LEVEL = 1;
    private static final int MAX_LEVEL = 9;

    private static final int BUFFER_SIZE = 8 * 1024;

    private final int level;

    GzipCodec(int level) {
        this.level = CompressionCodecs.checkLevel(CompressionType.GZIP, level, MIN_LEVEL, MAX_LEVEL);
    }

    @Override
    public CompressionType type() {
        return CompressionType.GZIP;
    }

    @Override
    public ByteBuffer compress(ByteBuffer records) {
        return StreamCompression.compress(CompressionType.GZIP, records,
                sink -> new LeveledGzipOutputStream(sink, level));
    }

    @Override
    public ByteBuffer decompress(ByteBuffer compressed, int maxDecompressedSize) {
        return StreamCompression.decompress(CompressionType.GZIP, compressed, maxDecompressedSize,
                in -> new GZIPInputStream(in, BUFFER_SIZE));
    }

    /** {@link GZIPOutputStream} at a chosen level, which its constructors do not offer. */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {

        LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
            super(out, BUFFER_SIZE);
            def.setLevel(level);
        }
    }
}
