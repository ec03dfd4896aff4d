package io.kafkaex.protocol.record.compression;

import net.jpountz.xxhash.XXHash32;

import java.nio.ByteBuffer;

/**
 * Constants and checksums of the LZ4 frame format (lz4_Frame_format.md, version 1.6) shared by
 * {@link Lz4FrameWriter} and {@link Lz4FrameReader}. All numbers in a frame are little-endian.
 * Stateless; any thread may use it.
 */
final class Lz4Frame {

    static final int MAGIC = 0x184D2204;
    static final int MAGIC_SIZE = 4;
    static final int INT_SIZE = 4;
    static final int CONTENT_SIZE_SIZE = 8;

    /** FLG bits 7-6: the format version, which must be 01. */
    static final int FLG_VERSION_MASK = 0xC0;
    static final int FLG_VERSION_01 = 0x40;
    static final int FLG_BLOCK_INDEPENDENCE = 0x20;
    static final int FLG_BLOCK_CHECKSUM = 0x10;
    static final int FLG_CONTENT_SIZE = 0x08;
    static final int FLG_CONTENT_CHECKSUM = 0x04;
    static final int FLG_RESERVED = 0x02;
    static final int FLG_DICTIONARY_ID = 0x01;

    /** BD bits 6-4: the block maximum size id; the other bits are reserved. */
    static final int BD_BLOCK_SIZE_SHIFT = 4;
    static final int BD_BLOCK_SIZE_MASK = 0x07;
    static final int BD_RESERVED = 0x8F;
    static final int BLOCK_SIZE_ID_MIN = 4;
    /** 64 KiB, the size Kafka writes. */
    static final int BLOCK_SIZE_ID_64KB = 4;

    /** The high bit of a block size marks a block stored uncompressed. */
    static final int UNCOMPRESSED_BLOCK = 0x80000000;
    static final int END_MARK = 0;

    private Lz4Frame() {
    }

    /** The largest block of a frame whose BD has block maximum size id 4 to 7: 64 KiB, 256 KiB, 1 MiB, 4 MiB. */
    static int blockMaximumSize(int blockSizeId) {
        return 1 << (2 * blockSizeId + 8);
    }

    /**
     * The header checksum: the second byte of the xxHash32 (seed 0) of the frame descriptor from FLG up to but
     * excluding the checksum itself. This is the correct checksum Kafka writes for magic v1 and v2; the broken
     * one of magic v0 also hashed the magic number.
     */
    static byte headerChecksum(XXHash32 hash, ByteBuffer frame, int descriptorIndex, int descriptorLength) {
        return (byte) (hash.hash(frame, descriptorIndex, descriptorLength, 0) >> 8);
    }
}
