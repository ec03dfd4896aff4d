package io.kafkaex.protocol.record.compression;

import java.nio.ByteBuffer;

/**
 * The codec of {@link CompressionType#NONE}: copies bytes unchanged, still enforcing the decompression bound,
 * so that batch writers and readers need no special case. Stateless; any thread may use the one instance.
 */
final class NoCompressionCodec implements CompressionCodec {

    static final NoCompressionCodec INSTANCE = new NoCompressionCodec();

    private NoCompressionCodec() {
    }

    @Override
    public CompressionType type() {
        return CompressionType.NONE;
    }

    @Override
    public ByteBuffer compress(ByteBuffer records) {
        return copy(records, ByteSink.forCompression(CompressionType.NONE, records.remaining()));
    }

    @Override
    public ByteBuffer decompress(ByteBuffer compressed, int maxDecompressedSize) {
        return copy(compressed,
                ByteSink.forDecompression(CompressionType.NONE, maxDecompressedSize, compressed.remaining()));
    }

    private static ByteBuffer copy(ByteBuffer source, ByteSink sink) {
        sink.write(source, source.position(), source.remaining());
        return sink.toByteBuffer();
    }
}
