package io.kafkaex.protocol.record.compression;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;

import java.nio.ByteBuffer;

/**
 * Zstandard frames through {@code com.github.luben:zstd-jni}'s streams, as Kafka writes and reads them.
 * Loaded only after {@link CompressionLibrary#ZSTD} found the library. Stateless; any thread may use an
 * instance concurrently (the library's buffer pool is thread-safe).
 */
final class ZstdCodec implements CompressionCodec {

    /** Kafka's default level. */
    static final int DEFAULT_LEVEL = 3;

    private final int level;

    ZstdCodec(int level) {
        this.level = CompressionCodecs.checkLevel(
                CompressionType.ZSTD, level, Zstd.minCompressionLevel(), Zstd.maxCompressionLevel());
    }

    @Override
    public CompressionType type() {
        return CompressionType.ZSTD;
    }

    @Override
    public ByteBuffer compress(ByteBuffer records) {
        return StreamCompression.compress(CompressionType.ZSTD, records,
                sink -> new ZstdOutputStreamNoFinalizer(sink, RecyclingBufferPool.INSTANCE, level));
    }

    @Override
    public ByteBuffer decompress(ByteBuffer compressed, int maxDecompressedSize) {
        return StreamCompression.decompress(CompressionType.ZSTD, compressed, maxDecompressedSize,
                in -> new ZstdInputStreamNoFinalizer(in, RecyclingBufferPool.INSTANCE));
    }
}
