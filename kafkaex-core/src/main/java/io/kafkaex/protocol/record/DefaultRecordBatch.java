package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordFormat.*;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.record.compression.CompressionType;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.zip.CRC32C;

/**
 * A view of one magic v2 record batch in a fetched buffer: the header fields are read in place, the
 * records decoded as they are iterated. Created by {@link RecordBatchReader}, which has checked the batch
 * length, magic, checksum and that the record count can fit.
 *
 * <p>Not thread-safe: one thread reads one batch.
 */
public final class DefaultRecordBatch implements RecordBatch {

    private final ByteBuffer batch;
    private final int maxDecompressedBytes;

    /**
     * @param batch exactly one batch, position 0, its length field already checked against its size
     */
    DefaultRecordBatch(ByteBuffer batch, int maxDecompressedBytes) {
        this.batch = batch;
        this.maxDecompressedBytes = maxDecompressedBytes;
        long storedCrc = checksum();
        long actualCrc = computeChecksum();
        if (storedCrc != actualCrc) {
            throw new ProtocolException("Record batch at offset " + baseOffset() + " is corrupt: CRC-32C is 0x"
                    + Long.toHexString(actualCrc) + ", header says 0x" + Long.toHexString(storedCrc));
        }
        int count = recordCount();
        long available = compressionType() == CompressionType.NONE ? batch.limit() - RECORDS_OFFSET : maxDecompressedBytes;
        if (count < 0 || (long) count * MIN_RECORD_SIZE > available) {
            throw new ProtocolException("Record batch at offset " + baseOffset() + " claims " + count
                    + " records, which cannot fit in " + available + " bytes");
        }
    }

    @Override
    public byte magic() {
        return MAGIC_V2;
    }

    @Override
    public long baseOffset() {
        return batch.getLong(0);
    }

    @Override
    public long lastOffset() {
        return baseOffset() + lastOffsetDelta();
    }

    public int lastOffsetDelta() {
        return batch.getInt(LAST_OFFSET_DELTA_OFFSET);
    }

    @Override
    public int sizeInBytes() {
        return batch.limit();
    }

    @Override
    public int partitionLeaderEpoch() {
        return batch.getInt(PARTITION_LEADER_EPOCH_OFFSET);
    }

    /** The stored CRC-32C of the bytes from the attributes to the end. */
    public long checksum() {
        return Integer.toUnsignedLong(batch.getInt(CRC_OFFSET));
    }

    public short attributes() {
        return batch.getShort(ATTRIBUTES_OFFSET);
    }

    @Override
    public CompressionType compressionType() {
        return CompressionType.forId(attributes() & COMPRESSION_MASK);
    }

    @Override
    public TimestampType timestampType() {
        return TimestampType.fromAttributeBit((attributes() & TIMESTAMP_TYPE_BIT) != 0);
    }

    @Override
    public boolean isTransactional() {
        return (attributes() & TRANSACTIONAL_BIT) != 0;
    }

    @Override
    public boolean isControlBatch() {
        return (attributes() & CONTROL_BIT) != 0;
    }

    /** Whether the base timestamp is the delete horizon that log compaction set (attribute bit 6). */
    public boolean hasDeleteHorizon() {
        return (attributes() & DELETE_HORIZON_BIT) != 0;
    }

    /** Timestamp the record timestamp deltas are relative to; the delete horizon when one is set. */
    public long baseTimestamp() {
        return batch.getLong(BASE_TIMESTAMP_OFFSET);
    }

    @Override
    public long maxTimestamp() {
        return batch.getLong(MAX_TIMESTAMP_OFFSET);
    }

    @Override
    public long producerId() {
        return batch.getLong(PRODUCER_ID_OFFSET);
    }

    @Override
    public short producerEpoch() {
        return batch.getShort(PRODUCER_EPOCH_OFFSET);
    }

    @Override
    public int baseSequence() {
        return batch.getInt(BASE_SEQUENCE_OFFSET);
    }

    public int recordCount() {
        return batch.getInt(RECORD_COUNT_OFFSET);
    }

    @Override
    public Iterator<Record> iterator() {
        return new DefaultRecordIterator(this, recordsSection());
    }

    private ByteBuffer recordsSection() {
        ByteBuffer section = batch.duplicate().position(RECORDS_OFFSET).slice();
        ByteBuffer records = compressionType() == CompressionType.NONE
                ? section
                : RecordsCompression.decompress(compressionType(), section, maxDecompressedBytes,
                        "record batch at offset " + baseOffset());
        // read-only once per batch, so that each key and value slice is one object, read-only by inheritance
        return records.asReadOnlyBuffer();
    }

    private long computeChecksum() {
        CRC32C crc = new CRC32C();
        crc.update(batch.duplicate().position(ATTRIBUTES_OFFSET));
        return crc.getValue();
    }
}
