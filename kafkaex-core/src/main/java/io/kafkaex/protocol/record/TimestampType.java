package io.kafkaex.protocol.record;

/**
 * What a record's timestamp means: set by the producer ({@link #CREATE_TIME}), set by the broker when it
 * appended the batch ({@link #LOG_APPEND_TIME}), or absent, as in magic v0 messages
 * ({@link #NO_TIMESTAMP_TYPE}). Immutable; any thread may use it.
 */
public enum TimestampType {
    NO_TIMESTAMP_TYPE,
    CREATE_TIME,
    LOG_APPEND_TIME;

    /** The type that attribute bit 3 of a v2 batch or v1 message says: set means log-append time. */
    static TimestampType fromAttributeBit(boolean logAppendTime) {
        return logAppendTime ? LOG_APPEND_TIME : CREATE_TIME;
    }
}
