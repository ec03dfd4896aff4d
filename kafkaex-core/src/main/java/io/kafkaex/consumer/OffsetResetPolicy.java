package io.kafkaex.consumer;

/**
 * Where a consumer goes when its position is not in the partition's log any more (or never was): the setting
 * {@code auto-offset-reset}, Java's {@code auto.offset.reset}. Immutable.
 */
public enum OffsetResetPolicy {

    /** To the log start offset: read everything still in the log. */
    EARLIEST,

    /** To the log end offset: read only what is written from now on. */
    LATEST,

    /** Nowhere: the partition fails until the application seeks, so that no record is skipped or re-read silently. */
    NONE
}
