package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordFormat.MIN_HEADER_SIZE;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.ProtocolReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Decodes the records of one v2 batch from its (decompressed) records section, one per {@link #next()},
 * checking every length against the bytes left and each record's length against what it held.
 *
 * <p>Not thread-safe: one thread walks one iterator.
 */
final class DefaultRecordIterator implements Iterator<Record> {

    private final ProtocolReader reader;
    private final long baseOffset;
    private final long baseTimestamp;
    private final long logAppendTime;
    private final TimestampType timestampType;
    private final boolean control;
    private final int count;
    private int read;

    DefaultRecordIterator(DefaultRecordBatch batch, ByteBuffer records) {
        this.reader = new ProtocolReader(records);
        this.baseOffset = batch.baseOffset();
        this.baseTimestamp = batch.baseTimestamp();
        this.timestampType = batch.timestampType();
        this.logAppendTime = batch.maxTimestamp();
        this.control = batch.isControlBatch();
        this.count = batch.recordCount();
    }

    @Override
    public boolean hasNext() {
        if (read < count) {
            return true;
        }
        if (reader.remaining() > 0) {
            throw new ProtocolException(reader.remaining() + " bytes follow the last of " + count
                    + " records of the batch at offset " + baseOffset);
        }
        return false;
    }

    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        read++;
        int length = reader.readVarint();
        if (length < 0 || length > reader.remaining()) {
            throw new ProtocolException("Record " + read + " of the batch at offset " + baseOffset + " has length "
                    + length + " but " + reader.remaining() + " bytes are left");
        }
        int end = reader.buffer().position() + length;
        reader.readByte(); // record attributes: unused
        long timestampDelta = reader.readVarlong();
        int offsetDelta = reader.readVarint();
        ByteBuffer key = readNullableBytes();
        ByteBuffer value = readNullableBytes();
        List<Header> headers = readHeaders();
        if (reader.buffer().position() != end) {
            throw new ProtocolException("Record " + read + " of the batch at offset " + baseOffset + " has length "
                    + length + " but its fields take " + (length + reader.buffer().position() - end) + " bytes");
        }
        long timestamp = timestampType == TimestampType.LOG_APPEND_TIME ? logAppendTime : baseTimestamp + timestampDelta;
        return new Record(baseOffset + offsetDelta, timestamp, timestampType, key, value, headers, control);
    }

    private ByteBuffer readNullableBytes() {
        int length = reader.readVarint();
        if (length < -1) {
            throw new ProtocolException("Negative length " + length + " in a record of the batch at offset " + baseOffset);
        }
        return length == -1 ? null : reader.readSlice(length);
    }

    private List<Header> readHeaders() {
        int count = reader.readVarint();
        if (count == 0) {
            return List.of();
        }
        if (count < 0 || (long) count * MIN_HEADER_SIZE > reader.remaining()) {
            throw new ProtocolException("A record of the batch at offset " + baseOffset + " claims " + count
                    + " headers in " + reader.remaining() + " bytes");
        }
        List<Header> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int keyLength = reader.readVarint();
            if (keyLength < 0) {
                throw new ProtocolException("Header key length " + keyLength + " in the batch at offset " + baseOffset);
            }
            String key = StandardCharsets.UTF_8.decode(reader.readSlice(keyLength)).toString();
            headers.add(new Header(key, readNullableBytes()));
        }
        return headers;
    }
}
