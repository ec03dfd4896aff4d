package io.kafkaex.protocol.record;

import io.kafkaex.protocol.ProtocolException;
import java.nio.ByteBuffer;

/**
 * A transaction marker: the control record that commits or aborts a producer's transaction in a partition.
 * Its key holds the {@link ControlRecordType}; its value a version (int16, 0) and the coordinator epoch
 * (int32). Immutable; any thread may use it.
 *
 * @param type             {@link ControlRecordType#COMMIT} or {@link ControlRecordType#ABORT}
 * @param coordinatorEpoch epoch of the transaction coordinator that wrote the marker
 */
public record EndTransactionMarker(ControlRecordType type, int coordinatorEpoch) {

    private static final short VALUE_VERSION = 0;
    private static final int VALUE_SIZE = 6;

    public EndTransactionMarker {
        if (type != ControlRecordType.COMMIT && type != ControlRecordType.ABORT) {
            throw new IllegalArgumentException("A transaction marker commits or aborts, not " + type);
        }
    }

    /**
     * The marker that a control record holds.
     *
     * @throws ProtocolException        if the record's key or value is too short
     * @throws IllegalArgumentException if the record is not a control record or not a transaction marker
     */
    public static EndTransactionMarker of(Record record) {
        if (!record.isControl()) {
            throw new IllegalArgumentException("Not a control record: " + record);
        }
        ControlRecordType type = ControlRecordType.parse(record.key());
        ByteBuffer value = record.value();
        if (value == null || value.remaining() < VALUE_SIZE) {
            throw new ProtocolException("Transaction marker value at offset " + record.offset() + " needs "
                    + VALUE_SIZE + " bytes, has " + (value == null ? "none" : value.remaining()));
        }
        return new EndTransactionMarker(type, value.getInt(value.position() + 2));
    }

    /** The control record value of this marker. */
    byte[] value() {
        return ByteBuffer.allocate(VALUE_SIZE).putShort(VALUE_VERSION).putInt(coordinatorEpoch).array();
    }
}
