package io.kafkaex.protocol.record.compression;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.xxhash.XXHash32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes one LZ4 frame exactly as Kafka's {@code Lz4BlockOutputStream} does for magic v1 and v2: FLG 0x60
 * (version 01, independent blocks, no block checksum, no content size, no content checksum), BD 0x40
 * (64 KiB blocks), the header checksum over FLG and BD, blocks stored uncompressed when compression does
 * not shrink them, and the end mark. Stateless; any thread may use it.
 */
final class Lz4FrameWriter {

    private static final byte FLG = (byte) (Lz4Frame.FLG_VERSION_01 | Lz4Frame.FLG_BLOCK_INDEPENDENCE);
    private static final byte BD = (byte) (Lz4Frame.BLOCK_SIZE_ID_64KB << Lz4Frame.BD_BLOCK_SIZE_SHIFT);
    private static final int HEADER_LENGTH = Lz4Frame.MAGIC_SIZE + 3;
    private static final int BLOCK_SIZE = Lz4Frame.blockMaximumSize(Lz4Frame.BLOCK_SIZE_ID_64KB);
    /** Each compressing thread's block output, reused from block to block and batch to batch. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

    private Lz4FrameWriter() {
    }

    static ByteBuffer write(ByteBuffer records, LZ4Compressor compressor, XXHash32 hash) {
        ByteSink sink = ByteSink.forCompression(CompressionType.LZ4,
                worstCaseFrameSize(Math.min(records.remaining(), BLOCK_SIZE), compressor) / 4);
        writeHeader(sink, hash);
        int end = records.limit();
        for (int index = records.position(); index < end; index += BLOCK_SIZE) {
            writeBlock(records, index, Math.min(BLOCK_SIZE, end - index), compressor, sink);
        }
        putInt(sink, Lz4Frame.END_MARK);
        return sink.toByteBuffer();
    }

    /**
     * The largest frame {@code length} bytes can become: the header, each block's size and worst-case
     * compressed data, and the end mark. The sink starts at a quarter of this for the first block and grows by
     * what the compressed blocks need, so an input that compresses well never allocates its worst case.
     */
    static int worstCaseFrameSize(int length, LZ4Compressor compressor) {
        int fullBlocks = length / BLOCK_SIZE;
        int lastBlock = length % BLOCK_SIZE;
        long size = HEADER_LENGTH + Lz4Frame.INT_SIZE
                + (long) fullBlocks * (Lz4Frame.INT_SIZE + compressor.maxCompressedLength(BLOCK_SIZE))
                + (lastBlock == 0 ? 0 : Lz4Frame.INT_SIZE + compressor.maxCompressedLength(lastBlock));
        return (int) Math.min(Integer.MAX_VALUE - 8, size);
    }

    private static void writeHeader(ByteSink sink, XXHash32 hash) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(Lz4Frame.MAGIC).put(FLG).put(BD);
        header.put(Lz4Frame.headerChecksum(hash, header, Lz4Frame.MAGIC_SIZE, 2));
        sink.write(header.array(), 0, HEADER_LENGTH);
    }

    /**
     * Compresses one block into the calling thread's scratch array, then copies only the compressed bytes into the
     * sink, so the sink grows by what the frame holds rather than by each block's worst case.
     */
    private static void writeBlock(ByteBuffer records, int index, int length, LZ4Compressor compressor,
                                   ByteSink sink) {
        int maxCompressed = compressor.maxCompressedLength(length);
        byte[] scratch = SCRATCH.get();
        if (scratch.length < maxCompressed) {
            scratch = new byte[maxCompressed];
            SCRATCH.set(scratch);
        }
        int compressed = compressor.compress(records, index, length, ByteBuffer.wrap(scratch), 0, maxCompressed);
        if (compressed < length) {
            putInt(sink, compressed);
            sink.write(scratch, 0, compressed);
        } else {
            putInt(sink, length | Lz4Frame.UNCOMPRESSED_BLOCK);
            sink.write(records, index, length);
        }
    }

    private static void putInt(ByteSink sink, int value) {
        ByteBuffer.wrap(sink.reserve(Lz4Frame.INT_SIZE)).order(ByteOrder.LITTLE_ENDIAN).putInt(sink.size(), value);
        sink.advance(Lz4Frame.INT_SIZE);
    }
}
