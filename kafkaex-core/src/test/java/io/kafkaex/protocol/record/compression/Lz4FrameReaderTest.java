package io.kafkaex.protocol.record.compression;

import io.kafkaex.protocol.ProtocolException;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE;
import net.jpountz.lz4.LZ4FrameOutputStream.FLG.Bits;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static io.kafkaex.protocol.record.compression.TestData.KIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The frame options Kafka does not write but may receive, checked against lz4-java's own frame streams. */
class Lz4FrameReaderTest {

    private static final byte[] RECORDS = TestData.text(300 * KIB);
    private static final CompressionCodec LZ4 = CompressionType.LZ4.codec();

    @Test
    void readsFramesWithEveryChecksumAndTheContentSize() throws IOException {
        for (BLOCKSIZE blockSize : BLOCKSIZE.values()) {
            byte[] frame = lz4JavaFrame(blockSize, RECORDS.length,
                    Bits.BLOCK_INDEPENDENCE, Bits.BLOCK_CHECKSUM, Bits.CONTENT_CHECKSUM, Bits.CONTENT_SIZE);

            assertThat(decompress(frame)).as("%s", blockSize).isEqualTo(RECORDS);
        }
    }

    @Test
    void aReadOnlyFrameAsAFetchHandsItOutReadsAsAnyOther() throws IOException {
        byte[] frame = lz4JavaFrame(BLOCKSIZE.SIZE_64KB, RECORDS.length, Bits.BLOCK_INDEPENDENCE, Bits.BLOCK_CHECKSUM,
                Bits.CONTENT_CHECKSUM);
        ByteBuffer readOnly = ByteBuffer.wrap(new byte[frame.length + 7]).position(3).put(frame).position(3)
                .limit(3 + frame.length).asReadOnlyBuffer();

        assertThat(TestData.toArray(LZ4.decompress(readOnly, RECORDS.length))).isEqualTo(RECORDS);
        assertThat(readOnly.position()).isEqualTo(3);
    }

    @Test
    void onlyAReadOnlyHeapFrameIsCopiedForTheNativeCode() {
        ByteBuffer heap = ByteBuffer.wrap(new byte[] {1, 2, 3, 4}).position(1);
        ByteBuffer direct = ByteBuffer.allocateDirect(4);
        ByteBuffer copied = Lz4FrameReader.withAccessibleBytes(heap.asReadOnlyBuffer());

        assertThat(Lz4FrameReader.withAccessibleBytes(heap)).isSameAs(heap);
        assertThat(Lz4FrameReader.withAccessibleBytes(direct)).isSameAs(direct);
        assertThat(copied.hasArray()).isTrue();
        assertThat(TestData.toArray(copied)).containsExactly(2, 3, 4);
    }

    @Test
    void lz4JavaReadsOurFrames() throws IOException {
        byte[] ours = TestData.toArray(LZ4.compress(ByteBuffer.wrap(RECORDS)));

        try (LZ4FrameInputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(ours))) {
            assertThat(in.readAllBytes()).isEqualTo(RECORDS);
        }
    }

    @Test
    void aWrongBlockChecksumIsCaught() throws IOException {
        byte[] frame = lz4JavaFrame(BLOCKSIZE.SIZE_64KB, -1, Bits.BLOCK_INDEPENDENCE, Bits.BLOCK_CHECKSUM);
        int firstBlockSize = ByteBuffer.wrap(frame, 7, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        frame[7 + 4 + firstBlockSize] ^= 1;

        assertCorrupt(frame, "block checksum mismatch");
    }

    @Test
    void aWrongContentChecksumIsCaught() throws IOException {
        byte[] frame = lz4JavaFrame(BLOCKSIZE.SIZE_64KB, -1, Bits.BLOCK_INDEPENDENCE, Bits.CONTENT_CHECKSUM);
        frame[frame.length - 1] ^= 1;

        assertCorrupt(frame, "content checksum mismatch");
    }

    @Test
    void aWrongContentSizeIsCaught() throws IOException {
        byte[] frame = lz4JavaFrame(BLOCKSIZE.SIZE_64KB, RECORDS.length, Bits.BLOCK_INDEPENDENCE, Bits.CONTENT_SIZE);
        frame[6] ^= 1;
        fixHeaderChecksum(frame, 14);

        assertCorrupt(frame, "declares " + (RECORDS.length ^ 1) + " bytes of content");
    }

    @Test
    void aContentSizeAboveTheBoundIsRejectedBeforeDecompressing() throws IOException {
        byte[] frame = lz4JavaFrame(BLOCKSIZE.SIZE_64KB, RECORDS.length, Bits.BLOCK_INDEPENDENCE, Bits.CONTENT_SIZE);

        assertThatThrownBy(() -> LZ4.decompress(ByteBuffer.wrap(frame), RECORDS.length - 1))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds the bound of " + (RECORDS.length - 1) + " bytes");
    }

    @Test
    void theBrokenHeaderChecksumOfMagicV0IsRejected() {
        byte[] frame = TestData.toArray(LZ4.compress(ByteBuffer.wrap(RECORDS)));
        frame[6] = (byte) (XXHashFactory.fastestInstance().hash32().hash(frame, 0, 6, 0) >> 8);

        assertCorrupt(frame, "frame descriptor checksum mismatch");
    }

    @Test
    void dependentBlocksAreRejected() {
        byte[] frame = TestData.toArray(LZ4.compress(ByteBuffer.wrap(RECORDS)));
        frame[4] &= ~0x20;
        fixHeaderChecksum(frame, 6);

        assertCorrupt(frame, "dependent blocks");
    }

    @Test
    void bytesAfterTheEndMarkAreRejected() {
        byte[] frame = TestData.toArray(LZ4.compress(ByteBuffer.wrap(RECORDS)));

        assertCorrupt(Arrays.copyOf(frame, frame.length + 1), "1 bytes after the end of the frame");
    }

    @Test
    void aBlockLargerThanTheFrameAllowsIsRejected() {
        byte[] frame = TestData.toArray(LZ4.compress(ByteBuffer.wrap(RECORDS)));
        ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(7, 64 * KIB + 1);

        assertCorrupt(frame, "exceeds the frame's block maximum size");
    }

    private static byte[] lz4JavaFrame(BLOCKSIZE blockSize, long knownSize, Bits... bits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(out, blockSize, knownSize, bits)) {
            lz4.write(RECORDS);
        }
        return out.toByteArray();
    }

    private static void fixHeaderChecksum(byte[] frame, int checksumIndex) {
        int descriptorHash = XXHashFactory.fastestInstance().hash32().hash(frame, 4, checksumIndex - 4, 0);
        frame[checksumIndex] = (byte) (descriptorHash >> 8);
    }

    private static byte[] decompress(byte[] frame) {
        return TestData.toArray(LZ4.decompress(ByteBuffer.wrap(frame), RECORDS.length));
    }

    private static void assertCorrupt(byte[] frame, String message) {
        assertThatThrownBy(() -> decompress(frame))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining(message);
    }
}
