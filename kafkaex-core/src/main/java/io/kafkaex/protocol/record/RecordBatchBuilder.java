package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordFormat.*;

import io.kafkaex.protocol.ByteSizes;
import io.kafkaex.protocol.ProtocolWriter;
import io.kafkaex.protocol.record.compression.CompressionCodec;
import io.kafkaex.protocol.record.compression.CompressionType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.zip.CRC32C;

/**
 * Builds one magic v2 record batch, writing each appended record straight into one buffer (its size
 * computed first, no per-record objects) and the batch header and CRC-32C at {@link #build()}. The
 * producer's accumulator keeps one builder per open batch: it sets the header fields it knows (base
 * offset, producer id/epoch/sequence, transactional, compression), appends records while
 * {@link #sizeInBytes()} plus {@link #maxRecordSize} stays within its batch size, then builds.
 *
 * <p>Record timestamps are written as deltas from the first record's timestamp (or from the delete
 * horizon, when one is set), offsets as deltas 0, 1, 2, ... from the base offset.
 *
 * <p>Not thread-safe: one thread appends to and builds one batch.
 */
public final class RecordBatchBuilder {

    /** Bytes of the batch header that precedes the records. */
    public static final int HEADER_SIZE = RECORDS_OFFSET;

    private final IntFunction<ByteBuffer> grow;
    private ByteBuffer buffer;
    private ProtocolWriter writer;
    private int start;
    private long baseOffset;
    private int partitionLeaderEpoch = NO_PARTITION_LEADER_EPOCH;
    private long producerId = NO_PRODUCER_ID;
    private short producerEpoch = NO_PRODUCER_EPOCH;
    private int baseSequence = NO_SEQUENCE;
    private boolean transactional;
    private boolean control;
    private CompressionCodec codec = CompressionType.NONE.codec();
    private boolean logAppendTime;
    private boolean deleteHorizon;
    private long baseTimestamp;
    private long maxTimestamp = NO_TIMESTAMP;
    private int recordCount;
    private boolean built;

    /**
     * A builder that writes the batch into {@code buffer} from its position on, and into a larger buffer of
     * its own once that one is full.
     */
    public RecordBatchBuilder(ByteBuffer buffer) {
        this(buffer, capacity -> buffer.isDirect() ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity));
    }

    /**
     * A builder that writes the batch into {@code buffer} from its position on and, once that one is full, into a
     * buffer {@code grow} hands out: at least the capacity asked for, empty, position 0 (a producer hands out
     * reused buffers this way).
     */
    public RecordBatchBuilder(ByteBuffer buffer, IntFunction<ByteBuffer> grow) {
        this.grow = grow;
        this.buffer = buffer;
        this.writer = new ProtocolWriter(buffer);
        this.start = buffer.position();
        ensureCapacity(HEADER_SIZE);
        this.buffer.position(start + HEADER_SIZE);
    }

    public RecordBatchBuilder baseOffset(long baseOffset) {
        this.baseOffset = baseOffset;
        return this;
    }

    public RecordBatchBuilder partitionLeaderEpoch(int partitionLeaderEpoch) {
        this.partitionLeaderEpoch = partitionLeaderEpoch;
        return this;
    }

    /** The idempotent producer's id and epoch, and the sequence number of the first record. */
    public RecordBatchBuilder producer(long producerId, short producerEpoch, int baseSequence) {
        this.producerId = producerId;
        this.producerEpoch = producerEpoch;
        this.baseSequence = baseSequence;
        return this;
    }

    public RecordBatchBuilder transactional(boolean transactional) {
        this.transactional = transactional;
        return this;
    }

    /**
     * The codec that compresses the records, as a whole, at {@link #build()}; e.g.
     * {@code CompressionType.LZ4.codec()}. None by default.
     */
    public RecordBatchBuilder compression(CompressionCodec codec) {
        this.codec = codec;
        return this;
    }

    /**
     * Marks the batch {@link TimestampType#LOG_APPEND_TIME}: its max timestamp becomes {@code timestamp},
     * which readers report for every record.
     */
    public RecordBatchBuilder logAppendTime(long timestamp) {
        this.logAppendTime = true;
        this.maxTimestamp = timestamp;
        return this;
    }

    /**
     * Sets the delete horizon that log compaction records (attribute bit 6): it becomes the base timestamp.
     *
     * @throws IllegalStateException if records were appended already
     */
    public RecordBatchBuilder deleteHorizonMs(long deleteHorizonMs) {
        if (recordCount > 0) {
            throw new IllegalStateException("The delete horizon must be set before the first record");
        }
        this.deleteHorizon = true;
        this.baseTimestamp = deleteHorizonMs;
        return this;
    }

    /** Appends a record; {@code key}, {@code value} and {@code headers} may be {@code null}. */
    public RecordBatchBuilder append(long timestamp, byte[] key, byte[] value, Header[] headers) {
        beginRecord(timestamp, key == null ? -1 : key.length, value == null ? -1 : value.length, headers);
        writeNullable(key);
        writeNullable(value);
        writeHeaders(headers);
        return this;
    }

    /**
     * Appends a record from the remaining bytes of {@code key} and {@code value}, whose positions do not
     * move; either, and {@code headers}, may be {@code null}.
     */
    public RecordBatchBuilder append(long timestamp, ByteBuffer key, ByteBuffer value, Header[] headers) {
        beginRecord(timestamp, key == null ? -1 : key.remaining(), value == null ? -1 : value.remaining(), headers);
        writeNullable(key);
        writeNullable(value);
        writeHeaders(headers);
        return this;
    }

    /**
     * Makes this a control batch holding one transaction marker (transactional and control attribute bits
     * set); the producer fields say whose transaction it ends.
     *
     * @throws IllegalStateException if records were appended already
     */
    public RecordBatchBuilder appendEndTransactionMarker(long timestamp, EndTransactionMarker marker) {
        if (recordCount > 0) {
            throw new IllegalStateException("A transaction marker goes in a batch of its own");
        }
        control = true;
        transactional = true;
        return append(timestamp, marker.type().key(), marker.value(), null);
    }

    public int recordCount() {
        return recordCount;
    }

    /** Bytes written so far, header included, before compression. */
    public int sizeInBytes() {
        return buffer.position() - start;
    }

    /** An upper bound of the bytes one record with these key and value sizes (-1 for null) and headers takes. */
    public static int maxRecordSize(int keySize, int valueSize, Header[] headers) {
        int bodySize = 1 + 10 + 5 + bytesSize(keySize) + bytesSize(valueSize) + headersSize(headers);
        return 5 + bodySize;
    }

    /**
     * Writes the batch header and checksum, compressing the records first if asked to, and returns the
     * batch: position 0, limit its size. Call once; the builder takes no records afterwards.
     *
     * @throws IllegalStateException if no record was appended or the batch was built already
     */
    public ByteBuffer build() {
        if (built || recordCount == 0) {
            throw new IllegalStateException(built ? "The batch was built already" : "A batch needs a record");
        }
        built = true;
        if (codec.type() != CompressionType.NONE) {
            ByteBuffer records = buffer.slice(start + HEADER_SIZE, buffer.position() - start - HEADER_SIZE);
            ByteBuffer compressed = codec.compress(records);
            buffer.position(start + HEADER_SIZE);
            ensureCapacity(compressed.remaining());
            buffer.put(compressed);
        }
        int size = sizeInBytes();
        ByteBuffer batch = buffer.slice(start, size);
        batch.putLong(0, baseOffset)
                .putInt(LENGTH_OFFSET, size - LOG_OVERHEAD)
                .putInt(PARTITION_LEADER_EPOCH_OFFSET, partitionLeaderEpoch)
                .put(MAGIC_OFFSET, MAGIC_V2)
                .putShort(ATTRIBUTES_OFFSET, attributes())
                .putInt(LAST_OFFSET_DELTA_OFFSET, recordCount - 1)
                .putLong(BASE_TIMESTAMP_OFFSET, baseTimestamp)
                .putLong(MAX_TIMESTAMP_OFFSET, maxTimestamp)
                .putLong(PRODUCER_ID_OFFSET, producerId)
                .putShort(PRODUCER_EPOCH_OFFSET, producerEpoch)
                .putInt(BASE_SEQUENCE_OFFSET, baseSequence)
                .putInt(RECORD_COUNT_OFFSET, recordCount);
        CRC32C crc = new CRC32C();
        crc.update(batch.duplicate().position(ATTRIBUTES_OFFSET));
        batch.putInt(CRC_OFFSET, (int) crc.getValue());
        return batch;
    }

    /**
     * Rewrites the producer id, epoch and base sequence of a built batch ({@code batch} from position 0, as
     * {@link #build()} returns it) and its checksum: an idempotent producer sends a batch again under a new
     * producer id or epoch after the broker lost its state.
     */
    public static void restampProducer(ByteBuffer batch, long producerId, short producerEpoch, int baseSequence) {
        batch.putLong(PRODUCER_ID_OFFSET, producerId)
                .putShort(PRODUCER_EPOCH_OFFSET, producerEpoch)
                .putInt(BASE_SEQUENCE_OFFSET, baseSequence);
        CRC32C crc = new CRC32C();
        crc.update(batch.duplicate().position(ATTRIBUTES_OFFSET));
        batch.putInt(CRC_OFFSET, (int) crc.getValue());
    }

    private short attributes() {
        return (short) (codec.type().id()
                | (logAppendTime ? TIMESTAMP_TYPE_BIT : 0)
                | (transactional ? TRANSACTIONAL_BIT : 0)
                | (control ? CONTROL_BIT : 0)
                | (deleteHorizon ? DELETE_HORIZON_BIT : 0));
    }

    /** Checks state, sizes the record, and writes its length, attributes, timestamp and offset deltas. */
    private void beginRecord(long timestamp, int keySize, int valueSize, Header[] headers) {
        if (built || (control && recordCount > 0)) {
            throw new IllegalStateException(built ? "The batch was built already" : "A control batch is full");
        }
        if (recordCount == 0 && !deleteHorizon) {
            baseTimestamp = timestamp;
        }
        long timestampDelta = timestamp - baseTimestamp;
        int bodySize = 1 + ByteSizes.varlong(timestampDelta) + ByteSizes.varint(recordCount)
                + bytesSize(keySize) + bytesSize(valueSize) + headersSize(headers);
        ensureCapacity(ByteSizes.varint(bodySize) + bodySize);
        writer.writeVarint(bodySize);
        writer.writeByte((byte) 0);
        writer.writeVarlong(timestampDelta);
        writer.writeVarint(recordCount);
        recordCount++;
        if (!logAppendTime) {
            maxTimestamp = Math.max(maxTimestamp, timestamp);
        }
    }

    private void writeNullable(byte[] bytes) {
        writer.writeVarint(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            buffer.put(bytes);
        }
    }

    private void writeNullable(ByteBuffer bytes) {
        writer.writeVarint(bytes == null ? -1 : bytes.remaining());
        if (bytes != null) {
            buffer.put(buffer.position(), bytes, bytes.position(), bytes.remaining());
            buffer.position(buffer.position() + bytes.remaining());
        }
    }

    private void writeHeaders(Header[] headers) {
        if (headers == null) {
            writer.writeVarint(0);
            return;
        }
        writer.writeVarint(headers.length);
        for (Header header : headers) {
            String key = header.key();
            int keySize = ByteSizes.utf8Length(key);
            writer.writeVarint(keySize);
            if (keySize == key.length()) {
                for (int i = 0; i < keySize; i++) {
                    buffer.put((byte) key.charAt(i));
                }
            } else {
                buffer.put(key.getBytes(StandardCharsets.UTF_8));
            }
            writeNullable(header.value());
        }
    }

    private static int bytesSize(int size) {
        return ByteSizes.varint(size) + Math.max(size, 0);
    }

    private static int headersSize(Header[] headers) {
        if (headers == null) {
            return 1;
        }
        int size = ByteSizes.varint(headers.length);
        for (Header header : headers) {
            ByteBuffer value = header.value();
            size += bytesSize(ByteSizes.utf8Length(header.key())) + bytesSize(value == null ? -1 : value.remaining());
        }
        return size;
    }

    /** The buffer the batch is written into now: the one given, or the larger one it grew into. */
    public ByteBuffer currentBuffer() {
        return buffer;
    }

    private void ensureCapacity(int bytes) {
        if (buffer.remaining() >= bytes) {
            return;
        }
        int used = buffer.position() - start;
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * buffer.capacity(), (long) used + bytes));
        ByteBuffer grown = grow.apply(capacity);
        grown.put(buffer.slice(start, used));
        buffer = grown;
        writer = new ProtocolWriter(grown);
        start = 0;
    }
}
