package io.kafkaex.spring.listener;

/** When a listener container commits the offsets of processed records. */
public enum CommitMode {
    /** kafka_ex's async commit: once the commit threshold (offset distance) or the commit interval is reached. */
    ASYNC,
    /** kafka_ex's sync commit: after each fetched batch, waiting for the answer before the next batch. */
    SYNC,
    /** After each record, waiting for the answer (for a batch listener: after each batch). */
    RECORD,
    /** After each fetched batch, without waiting for the answer. */
    BATCH,
    /**
     * Only what the listener acknowledged ({@link Acknowledgment}; an acknowledgment covers the records before it in
     * the partition too), committed with the next async commit; unacknowledged records are not committed.
     */
    MANUAL,
    /** As {@link #MANUAL}, but {@link Acknowledgment#acknowledge()} commits at once and waits for the answer. */
    MANUAL_IMMEDIATE;

    /** Whether the listener acknowledges records itself. */
    public boolean isManual() {
        return this == MANUAL || this == MANUAL_IMMEDIATE;
    }
}
