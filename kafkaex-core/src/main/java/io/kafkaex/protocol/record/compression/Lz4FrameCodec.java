package io.kafkaex.protocol.record.compression;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

import java.nio.ByteBuffer;

/**
 * LZ4 in the standard frame format, as Kafka writes and reads it for magic v1 and v2, built on the block
 * compressor, the safe block decompressor and xxHash32 of {@code at.yawk.lz4:lz4-java}. Loaded only after
 * {@link CompressionLibrary#LZ4} found the library. Stateless; any thread may use an instance concurrently
 * (lz4-java's compressors, decompressors and hashes are thread-safe).
 */
final class Lz4FrameCodec implements CompressionCodec {

    /** Kafka's default level, which like Kafka selects the fast compressor rather than the HC one. */
    static final int DEFAULT_LEVEL = 9;
    private static final int MIN_LEVEL = 1;
    private static final int MAX_LEVEL = 17;

    private final LZ4Compressor compressor;
    private final LZ4SafeDecompressor decompressor;
    private final XXHash32 hash;

    Lz4FrameCodec(int level) {
        CompressionCodecs.checkLevel(CompressionType.LZ4, level, MIN_LEVEL, MAX_LEVEL);
        LZ4Factory factory = LZ4Factory.fastestInstance();
        this.compressor = level == DEFAULT_LEVEL ? factory.fastCompressor() : factory.highCompressor(level);
        this.decompressor = factory.safeDecompressor();
        this.hash = XXHashFactory.fastestInstance().hash32();
    }

    @Override
    public CompressionType type() {
        return CompressionType.LZ4;
    }

    @Override
    public ByteBuffer compress(ByteBuffer records) {
        return Lz4FrameWriter.write(records, compressor, hash);
    }

    @Override
    public ByteBuffer decompress(ByteBuffer compressed, int maxDecompressedSize) {
        return Lz4FrameReader.read(compressed, maxDecompressedSize, decompressor, hash, false);
    }

    @Override
    public ByteBuffer decompressLegacy(ByteBuffer compressed, int maxDecompressedSize, byte magic) {
        return Lz4FrameReader.read(compressed, maxDecompressedSize, decompressor, hash, magic == 0);
    }
}
