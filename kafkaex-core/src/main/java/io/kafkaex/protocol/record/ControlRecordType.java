package io.kafkaex.protocol.record;

import io.kafkaex.protocol.ProtocolException;
import java.nio.ByteBuffer;

/**
 * The kind of a control record, read from its key (version int16, then type int16). Consumers care about
 * {@link #ABORT} and {@link #COMMIT} transaction markers; other kinds (leader change, KRaft snapshot
 * markers) are {@link #UNKNOWN} here and simply skipped. Immutable; any thread may use it.
 */
public enum ControlRecordType {
    ABORT(0),
    COMMIT(1),
    UNKNOWN(-1);

    private static final short KEY_VERSION = 0;
    private static final int KEY_SIZE = 4;

    private final short id;

    ControlRecordType(int id) {
        this.id = (short) id;
    }

    /** The type id in the control record key. */
    public short id() {
        return id;
    }

    /**
     * The type that a control record's key names.
     *
     * @throws ProtocolException if the key is missing or shorter than its version and type
     */
    public static ControlRecordType parse(ByteBuffer key) {
        if (key == null || key.remaining() < KEY_SIZE) {
            throw new ProtocolException("Control record key needs " + KEY_SIZE + " bytes, has "
                    + (key == null ? "none" : key.remaining()));
        }
        short type = key.getShort(key.position() + 2);
        return type == ABORT.id ? ABORT : type == COMMIT.id ? COMMIT : UNKNOWN;
    }

    /** The control record key of this type. */
    byte[] key() {
        if (this == UNKNOWN) {
            throw new IllegalStateException("An unknown control record type has no key");
        }
        return ByteBuffer.allocate(KEY_SIZE).putShort(KEY_VERSION).putShort(id).array();
    }
}
