package io.kafkaex.consumer;

import io.kafkaex.KafkaExException;
import io.kafkaex.client.TopicPartition;

/**
 * A {@link GenConsumer#handleMessageSet} call threw: reported to the {@link ConsumerErrorListener} with the partition,
 * the offsets of the batch and how often it failed in a row; the batch is handed again after a backoff.
 */
public final class HandlerException extends KafkaExException {

    private final TopicPartition partition;
    private final long firstOffset;
    private final int attempts;

    HandlerException(TopicPartition partition, FetchedChunk chunk, int attempts, Throwable cause) {
        super("The handler of " + partition + " failed on the batch at offsets " + chunk.records().get(0).offset() + ".."
                + chunk.records().get(chunk.records().size() - 1).offset() + " (" + attempts + " time(s) in a row): "
                + cause + "; the batch is handed again after a backoff", cause);
        this.partition = partition;
        this.firstOffset = chunk.records().get(0).offset();
        this.attempts = attempts;
    }

    public TopicPartition partition() {
        return partition;
    }

    /** The offset of the batch's first record. */
    public long firstOffset() {
        return firstOffset;
    }

    /** How many times in a row the batch failed. */
    public int attempts() {
        return attempts;
    }
}
