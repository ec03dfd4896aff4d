package io.kafkaex.protocol.record.compression;

import io.kafkaex.protocol.ProtocolException;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads one LZ4 frame into a bounded sink: checks the magic, the frame descriptor and its checksum, then
 * decompresses the blocks up to the end mark, verifying block checksums, the content checksum and the content
 * size when the frame declares them. Rejects what Kafka never writes and a block decompressor cannot honour:
 * dependent blocks, dictionary ids, reserved bits, and bytes after the frame. Not thread-safe: one instance
 * reads one frame on the calling thread (each thread decompresses blocks into a scratch array of its own).
 */
final class Lz4FrameReader {

    private static final CompressionType LZ4 = CompressionType.LZ4;
    /** Each thread's block to decompress into; grown to the largest block maximum that thread met. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

    private final ByteBuffer frame;
    private final LZ4SafeDecompressor decompressor;
    private final XXHash32 hash;
    private final ByteSink sink;
    private final boolean acceptMagicV0Checksum;
    private int position;

    private Lz4FrameReader(ByteBuffer compressed, LZ4SafeDecompressor decompressor, XXHash32 hash, ByteSink sink,
                           boolean acceptMagicV0Checksum) {
        this.frame = compressed.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.decompressor = decompressor;
        this.hash = hash;
        this.sink = sink;
        this.acceptMagicV0Checksum = acceptMagicV0Checksum;
    }

    /**
     * @param acceptMagicV0Checksum also accept the descriptor checksum that Kafka's magic-0 writers computed
     *                              over the LZ4 magic and the descriptor
     */
    static ByteBuffer read(ByteBuffer compressed, int maxDecompressedSize, LZ4SafeDecompressor decompressor,
                           XXHash32 hash, boolean acceptMagicV0Checksum) {
        ByteSink sink = ByteSink.forDecompression(
                LZ4, maxDecompressedSize, ByteSink.guessDecompressedSize(compressed.remaining()));
        new Lz4FrameReader(withAccessibleBytes(compressed), decompressor, hash, sink, acceptMagicV0Checksum).readFrame();
        return sink.toByteBuffer();
    }

    /**
     * The frame in a buffer whose bytes lz4-java's native decompressor and hash can reach: an array-backed or direct
     * buffer as it is, a read-only heap buffer (what a fetch hands out) as a copy. lz4-java cannot reach the array of
     * a read-only heap buffer and falls back to its pure-Java ByteBuffer code, which costs far more than one copy of
     * the compressed bytes.
     */
    static ByteBuffer withAccessibleBytes(ByteBuffer compressed) {
        if (compressed.hasArray() || compressed.isDirect()) {
            return compressed;
        }
        byte[] copy = new byte[compressed.remaining()];
        compressed.get(compressed.position(), copy);
        return ByteBuffer.wrap(copy);
    }

    private void readFrame() {
        int magic = readInt("magic number");
        if (magic != Lz4Frame.MAGIC) {
            throw CorruptData.exception(LZ4, String.format("not an LZ4 frame, magic number is 0x%08X", magic));
        }
        int flg = readByte("frame descriptor");
        int blockMaximumSize = blockMaximumSize(readByte("frame descriptor"));
        checkFlags(flg);
        long contentSize = (flg & Lz4Frame.FLG_CONTENT_SIZE) != 0 ? readContentSize() : -1;
        checkHeaderChecksum();
        boolean blockChecksums = (flg & Lz4Frame.FLG_BLOCK_CHECKSUM) != 0;
        for (int blockSize = readInt("block size"); blockSize != Lz4Frame.END_MARK; blockSize = readInt("block size")) {
            readBlock(blockSize, blockMaximumSize, blockChecksums);
        }
        if ((flg & Lz4Frame.FLG_CONTENT_CHECKSUM) != 0) {
            checkContentChecksum();
        }
        if (contentSize >= 0 && contentSize != sink.size()) {
            throw CorruptData.exception(LZ4,
                    "frame declares " + contentSize + " bytes of content but holds " + sink.size());
        }
        if (position != frame.limit()) {
            throw CorruptData.exception(LZ4, (frame.limit() - position) + " bytes after the end of the frame");
        }
    }

    private static void checkFlags(int flg) {
        if ((flg & Lz4Frame.FLG_VERSION_MASK) != Lz4Frame.FLG_VERSION_01) {
            throw CorruptData.exception(LZ4, "unsupported frame version in FLG " + flg);
        }
        if ((flg & Lz4Frame.FLG_RESERVED) != 0) {
            throw CorruptData.exception(LZ4, "reserved bit set in FLG " + flg);
        }
        if ((flg & Lz4Frame.FLG_DICTIONARY_ID) != 0) {
            throw CorruptData.exception(LZ4, "frames that need a dictionary are not supported");
        }
        if ((flg & Lz4Frame.FLG_BLOCK_INDEPENDENCE) == 0) {
            throw CorruptData.exception(LZ4, "frames with dependent blocks are not supported (Kafka writes "
                    + "independent blocks)");
        }
    }

    private static int blockMaximumSize(int bd) {
        int blockSizeId = (bd >> Lz4Frame.BD_BLOCK_SIZE_SHIFT) & Lz4Frame.BD_BLOCK_SIZE_MASK;
        if ((bd & Lz4Frame.BD_RESERVED) != 0 || blockSizeId < Lz4Frame.BLOCK_SIZE_ID_MIN) {
            throw CorruptData.exception(LZ4, "invalid block descriptor BD " + bd);
        }
        return Lz4Frame.blockMaximumSize(blockSizeId);
    }

    private long readContentSize() {
        require(Lz4Frame.CONTENT_SIZE_SIZE, "content size");
        long contentSize = frame.getLong(position);
        position += Lz4Frame.CONTENT_SIZE_SIZE;
        if (contentSize < 0 || contentSize > sink.room()) {
            throw new ProtocolException("Decompressed lz4 data exceeds the bound of " + sink.room()
                    + " bytes: the frame declares " + Long.toUnsignedString(contentSize) + " bytes of content");
        }
        return contentSize;
    }

    private void checkHeaderChecksum() {
        int descriptorLength = position - Lz4Frame.MAGIC_SIZE;
        byte expected = Lz4Frame.headerChecksum(hash, frame, Lz4Frame.MAGIC_SIZE, descriptorLength);
        byte actual = (byte) readByte("header checksum");
        boolean magicV0 = acceptMagicV0Checksum
                && actual == Lz4Frame.headerChecksum(hash, frame, 0, Lz4Frame.MAGIC_SIZE + descriptorLength);
        if (actual != expected && !magicV0) {
            throw CorruptData.exception(LZ4, "frame descriptor checksum mismatch");
        }
    }

    private void readBlock(int blockSize, int blockMaximumSize, boolean checksummed) {
        int length = blockSize & ~Lz4Frame.UNCOMPRESSED_BLOCK;
        if (length > blockMaximumSize) {
            throw CorruptData.exception(LZ4, "block of " + length + " bytes exceeds the frame's block maximum size "
                    + blockMaximumSize);
        }
        require(length + (checksummed ? Lz4Frame.INT_SIZE : 0), "block");
        int dataIndex = position;
        position += length;
        if (checksummed && readInt("block checksum") != hash.hash(frame, dataIndex, length, 0)) {
            throw CorruptData.exception(LZ4, "block checksum mismatch");
        }
        if ((blockSize & Lz4Frame.UNCOMPRESSED_BLOCK) != 0) {
            sink.write(frame, dataIndex, length);
        } else {
            decompressBlock(dataIndex, length, blockMaximumSize);
        }
    }

    private static byte[] scratch(int length) {
        byte[] scratch = SCRATCH.get();
        if (scratch.length < length) {
            scratch = new byte[length];
            SCRATCH.set(scratch);
        }
        return scratch;
    }

    private void decompressBlock(int dataIndex, int length, int blockMaximumSize) {
        int room = sink.room();
        int bound = sink.size() + room;
        if (room == 0) {
            throw new ProtocolException("Decompressed lz4 data exceeds the bound of " + bound
                    + " bytes: the frame has more blocks after that many bytes");
        }
        int limit = Math.min(blockMaximumSize, room);
        // into a per-thread scratch block first, then exactly what it held into the sink: reserving a whole block
        // maximum (64 KiB and more) in the sink for every batch cost far more allocation than this copy
        byte[] scratch = scratch(limit);
        try {
            int decompressed = decompressor.decompress(frame, dataIndex, length, ByteBuffer.wrap(scratch), 0, limit);
            sink.write(scratch, 0, decompressed);
        } catch (LZ4Exception e) {
            if (limit < blockMaximumSize) {
                // The block decompressor reports too little room and corrupt data alike.
                throw new ProtocolException("Decompressed lz4 data exceeds the bound of " + bound
                        + " bytes, or the block at offset " + dataIndex + " is corrupt: " + e.getMessage(), e);
            }
            throw CorruptData.exception(LZ4, e);
        }
    }

    private void checkContentChecksum() {
        int expected = readInt("content checksum");
        ByteBuffer content = sink.toByteBuffer();
        if (hash.hash(content, 0, content.limit(), 0) != expected) {
            throw CorruptData.exception(LZ4, "content checksum mismatch");
        }
    }

    private int readByte(String what) {
        require(1, what);
        return frame.get(position++) & 0xFF;
    }

    private int readInt(String what) {
        require(Lz4Frame.INT_SIZE, what);
        int value = frame.getInt(position);
        position += Lz4Frame.INT_SIZE;
        return value;
    }

    private void require(int length, String what) {
        if (frame.limit() - position < length) {
            throw CorruptData.exception(LZ4, "truncated frame, " + what + " at offset " + position + " needs "
                    + length + " bytes but " + (frame.limit() - position) + " remain");
        }
    }
}
