package io.kafkaex.consumer;

import io.kafkaex.telemetry.ProcessEvent.CommitMode;

import java.util.Objects;

/**
 * What {@link GenConsumer#handleMessageSet} returns: kafka_ex's {@code {:async_commit, state}} or
 * {@code {:sync_commit, state}}, optionally limiting how far the commit may go (manual acknowledgment: records the
 * application did not acknowledge yet are processed but not committed). Immutable.
 *
 * @param commitMode {@link CommitMode#SYNC}: commit the batch's offsets before the next batch;
 *     {@link CommitMode#ASYNC}: commit once the commit threshold or interval is reached
 * @param state the partition's next state
 * @param commitUpTo {@link #WHOLE_BATCH}: every record of the batch may be committed; else the next offset to read
 *     that commits may store from now on (never past the batch's end; a value below what was allowed before changes
 *     nothing)
 * @param <S> the per-partition state
 */
public record HandleResult<S>(CommitMode commitMode, S state, long commitUpTo) {

    /** {@link #commitUpTo()} value: the whole batch counts as committable. */
    public static final long WHOLE_BATCH = -1;

    public HandleResult {
        Objects.requireNonNull(commitMode, "commitMode");
        if (commitUpTo < WHOLE_BATCH) {
            throw new IllegalArgumentException("commitUpTo must be an offset >= 0 or WHOLE_BATCH, was " + commitUpTo);
        }
    }

    /** Every record of the batch may be committed. */
    public HandleResult(CommitMode commitMode, S state) {
        this(commitMode, state, WHOLE_BATCH);
    }

    public static <S> HandleResult<S> asyncCommit(S state) {
        return new HandleResult<>(CommitMode.ASYNC, state);
    }

    public static <S> HandleResult<S> syncCommit(S state) {
        return new HandleResult<>(CommitMode.SYNC, state);
    }

    /**
     * Commits (as {@code commitMode} says) no further than {@code nextOffset}: the records from {@code nextOffset} on
     * count as processed (they are not handed again to this member) but are not committed, so a new owner of the
     * partition, or this application after a restart, gets them again.
     */
    public static <S> HandleResult<S> commitUpTo(CommitMode commitMode, long nextOffset, S state) {
        return new HandleResult<>(commitMode, state, nextOffset);
    }
}
