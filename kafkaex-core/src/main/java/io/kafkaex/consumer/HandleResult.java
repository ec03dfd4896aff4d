package io.kafkaex.consumer;

import io.kafkaex.telemetry.ProcessEvent.CommitMode;

import java.util.Objects;

/**
 * What {@link GenConsumer#handleMessageSet} returns: kafka_ex's {@code {:async_commit, state}} or
 * {@code {:sync_commit, state}}. Immutable.
 *
 * @param commitMode {@link CommitMode#SYNC}: commit the batch's offsets before the next batch;
 *     {@link CommitMode#ASYNC}: commit once the commit threshold or interval is reached
 * @param state the partition's next state
 * @param <S> the per-partition state
 */
public record HandleResult<S>(CommitMode commitMode, S state) {

    public HandleResult {
        Objects.requireNonNull(commitMode, "commitMode");
    }

    public static <S> HandleResult<S> asyncCommit(S state) {
        return new HandleResult<>(CommitMode.ASYNC, state);
    }

    public static <S> HandleResult<S> syncCommit(S state) {
        return new HandleResult<>(CommitMode.SYNC, state);
    }
}
