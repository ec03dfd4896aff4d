package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;

/**
 * Hears the errors a consumer group cannot fix alone: a partition that stopped (no committed offset with
 * {@link OffsetResetPolicy#NONE}, position out of range, topic not readable), a handler that threw, or the member
 * failing for good (e.g. fenced by another member with its group instance id). The default logs them. Called on
 * the consumer's internal threads: return quickly.
 */
public interface ConsumerErrorListener {

    /** A partition's error; {@code partition} is {@code null} for an error of the whole member. */
    void onError(TopicPartition partition, Throwable error);
}
