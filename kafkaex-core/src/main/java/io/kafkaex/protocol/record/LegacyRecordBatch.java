package io.kafkaex.protocol.record;

import static io.kafkaex.protocol.record.RecordFormat.*;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.record.compression.CompressionType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One top-level magic v0/v1 message of a fetched buffer, seen as a batch: a plain message holds one record;
 * a compressed wrapper message holds, as its compressed value, an inner message set whose records it yields
 * with absolute offsets (v1 inner offsets are relative: absolute = wrapper offset - last inner offset +
 * inner offset; v0 inner offsets are absolute). Created by {@link RecordBatchReader}, which has checked the
 * message's length, magic and CRC; the inner set is decompressed, within the reader's bound, and checked on
 * first use.
 *
 * <p>Not thread-safe: one thread reads one batch.
 */
public final class LegacyRecordBatch implements RecordBatch {

    private final LegacyMessage message;
    private final int sizeInBytes;
    private final int maxDecompressedBytes;
    private List<Record> records;

    LegacyRecordBatch(ByteBuffer entry, int maxDecompressedBytes) {
        this.message = LegacyMessage.parse(entry);
        this.sizeInBytes = entry.limit();
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    @Override
    public byte magic() {
        return message.magic();
    }

    /** Offset of the first record, which for a compressed wrapper means decompressing it. */
    @Override
    public long baseOffset() {
        return records().get(0).offset();
    }

    @Override
    public long lastOffset() {
        return message.offset();
    }

    @Override
    public int sizeInBytes() {
        return sizeInBytes;
    }

    @Override
    public long maxTimestamp() {
        return message.timestamp();
    }

    @Override
    public TimestampType timestampType() {
        return message.timestampType();
    }

    @Override
    public CompressionType compressionType() {
        return message.compressionType();
    }

    @Override
    public int partitionLeaderEpoch() {
        return NO_PARTITION_LEADER_EPOCH;
    }

    @Override
    public long producerId() {
        return NO_PRODUCER_ID;
    }

    @Override
    public short producerEpoch() {
        return NO_PRODUCER_EPOCH;
    }

    @Override
    public int baseSequence() {
        return NO_SEQUENCE;
    }

    @Override
    public boolean isTransactional() {
        return false;
    }

    @Override
    public boolean isControlBatch() {
        return false;
    }

    @Override
    public Iterator<Record> iterator() {
        return records().iterator();
    }

    private List<Record> records() {
        if (records == null) {
            records = message.compressionType() == CompressionType.NONE
                    ? List.of(record(message, message.offset(), message.timestamp(), message.timestampType()))
                    : unwrap();
        }
        return records;
    }

    private List<Record> unwrap() {
        String where = "message at offset " + message.offset();
        if (message.value() == null) {
            throw new ProtocolException("Compressed " + where + " has a null value");
        }
        ByteBuffer inner = RecordsCompression.decompress(message.compressionType(), message.value(),
                maxDecompressedBytes, where, message.magic());
        List<LegacyMessage> messages = new ArrayList<>();
        while (inner.hasRemaining()) {
            ByteBuffer entry = LogEntries.next(inner);
            if (entry == null) {
                throw new ProtocolException("Compressed " + where + " ends inside an inner message");
            }
            if (entry.get(MAGIC_OFFSET) != message.magic()) {
                throw new ProtocolException("Compressed " + where + " of magic " + message.magic()
                        + " holds an inner message of magic " + entry.get(MAGIC_OFFSET));
            }
            LegacyMessage innerMessage = LegacyMessage.parse(entry);
            if (innerMessage.compressionType() != CompressionType.NONE) {
                throw new ProtocolException("Compressed " + where + " holds a compressed inner message");
            }
            messages.add(innerMessage);
        }
        if (messages.isEmpty()) {
            throw new ProtocolException("Compressed " + where + " holds no messages");
        }
        return absolute(messages);
    }

    private List<Record> absolute(List<LegacyMessage> messages) {
        long shift = message.magic() == MAGIC_V0 ? 0 : message.offset() - messages.get(messages.size() - 1).offset();
        boolean logAppendTime = message.timestampType() == TimestampType.LOG_APPEND_TIME;
        List<Record> result = new ArrayList<>(messages.size());
        for (LegacyMessage inner : messages) {
            long timestamp = logAppendTime ? message.timestamp() : inner.timestamp();
            result.add(record(inner, inner.offset() + shift, timestamp, message.timestampType()));
        }
        return result;
    }

    private static Record record(LegacyMessage message, long offset, long timestamp, TimestampType type) {
        return new Record(offset, timestamp, type, message.key(), message.value(), List.of(), false);
    }
}
