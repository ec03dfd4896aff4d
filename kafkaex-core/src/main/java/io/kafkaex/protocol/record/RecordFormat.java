package io.kafkaex.protocol.record;

/**
 * Field positions and sizes of the on-disk/on-wire record formats: the v2 record batch and the legacy
 * v0/v1 message, shared by the writer and the readers. Constants only.
 */
final class RecordFormat {

    static final byte MAGIC_V0 = 0;
    static final byte MAGIC_V1 = 1;
    static final byte MAGIC_V2 = 2;

    /** Offset (int64) and length (int32) that start every batch and every legacy message. */
    static final int LOG_OVERHEAD = 12;
    static final int LENGTH_OFFSET = 8;
    /** The magic byte sits at the same position in every format. */
    static final int MAGIC_OFFSET = 16;

    static final int PARTITION_LEADER_EPOCH_OFFSET = 12;
    static final int CRC_OFFSET = 17;
    static final int ATTRIBUTES_OFFSET = 21;
    static final int LAST_OFFSET_DELTA_OFFSET = 23;
    static final int BASE_TIMESTAMP_OFFSET = 27;
    static final int MAX_TIMESTAMP_OFFSET = 35;
    static final int PRODUCER_ID_OFFSET = 43;
    static final int PRODUCER_EPOCH_OFFSET = 51;
    static final int BASE_SEQUENCE_OFFSET = 53;
    static final int RECORD_COUNT_OFFSET = 57;
    /** Size of the v2 batch header; the records follow. */
    static final int RECORDS_OFFSET = 61;

    static final int COMPRESSION_MASK = 0x07;
    static final int TIMESTAMP_TYPE_BIT = 0x08;
    static final int TRANSACTIONAL_BIT = 0x10;
    static final int CONTROL_BIT = 0x20;
    static final int DELETE_HORIZON_BIT = 0x40;

    /** Smallest v2 record: length, attributes, timestamp delta, offset delta, key and value lengths, header count. */
    static final int MIN_RECORD_SIZE = 7;
    /** Smallest header: key length and value length. */
    static final int MIN_HEADER_SIZE = 2;

    static final long NO_PRODUCER_ID = -1L;
    static final short NO_PRODUCER_EPOCH = -1;
    static final int NO_SEQUENCE = -1;
    static final int NO_PARTITION_LEADER_EPOCH = -1;
    static final long NO_TIMESTAMP = -1L;

    /** Legacy message: crc (int32) then magic. */
    static final int LEGACY_CRC_OFFSET = 12;
    /** Smallest legacy message size field: crc, magic, attributes, key length, value length (+ timestamp in v1). */
    static final int LEGACY_MIN_SIZE_V0 = 14;
    static final int LEGACY_MIN_SIZE_V1 = 22;
    /** Smallest size field a v2 batch can have: the header after the length field. */
    static final int MIN_BATCH_SIZE = RECORDS_OFFSET - LOG_OVERHEAD;

    private RecordFormat() {
    }
}
