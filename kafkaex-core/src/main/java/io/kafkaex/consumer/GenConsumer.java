package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Record;

import java.util.List;
import java.util.Set;

/**
 * kafka_ex's {@code GenConsumer} behaviour in Java: the code a consumer group runs for each partition it is
 * assigned. {@link #init} makes the partition's state, {@link #handleMessageSet} handles each non-empty batch of
 * records and says how its offsets are committed, returning the next state.
 *
 * <p>Threads: {@link #init} and {@link #handleMessageSet} of one partition run on that partition's worker, one call
 * at a time, so the state needs no locking; different partitions run in parallel on different workers, so a slow
 * partition never holds up another. {@link #assignmentsReceived} and {@link #assignmentsRevoked} run on the group's
 * coordination thread. An exception from {@link #handleMessageSet} is reported and the batch handed again, with
 * backoff, to a state made anew by {@link #init} (kafka_ex restarted the partition's process); nothing is skipped.
 *
 * @param <S> the per-partition state
 */
public interface GenConsumer<S> {

    /** kafka_ex's {@code init/3}: the state of a newly assigned partition, before its first batch. */
    S init(TopicPartition partition);

    /**
     * kafka_ex's {@code handle_message_set/2}: handles one batch of one partition, in offset order. Every record of
     * the batch counts as processed when this returns.
     *
     * @return the new state and whether to commit now ({@link HandleResult#syncCommit}) or when the commit interval
     *     or threshold is reached ({@link HandleResult#asyncCommit})
     */
    HandleResult<S> handleMessageSet(List<Record> records, S state);

    /** Partitions this member got in a rebalance, before any of their records are fetched. */
    default void assignmentsReceived(Set<TopicPartition> partitions) {
    }

    /**
     * Partitions this member gave up in a rebalance or on shutdown, after their last batches were handled and their
     * offsets committed.
     */
    default void assignmentsRevoked(Set<TopicPartition> partitions) {
    }
}
