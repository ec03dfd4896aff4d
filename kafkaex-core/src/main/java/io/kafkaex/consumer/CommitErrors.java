package io.kafkaex.consumer;

import io.kafkaex.client.RetriableFailures;
import io.kafkaex.protocol.error.KafkaError;

/**
 * The classes of offset-commit failures kafka_ex 1.0 sorts commit errors into, and what each asks of the member.
 * Stateless; any thread.
 */
enum CommitErrors {
    /** Transient (coordinator moving or loading, lost connection, timeout): the next commit carries the offset again. */
    RETRYABLE,
    /** The generation moved on (ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, REBALANCE_IN_PROGRESS): the member rejoins. */
    REJOIN,
    /** No retry helps (authorization, offset metadata too large, fenced instance): reported to the application. */
    FATAL;

    static CommitErrors classify(Throwable failure) {
        KafkaError error = RetriableFailures.errorOf(failure);
        if (error == KafkaError.ILLEGAL_GENERATION || error == KafkaError.UNKNOWN_MEMBER_ID
                || error == KafkaError.REBALANCE_IN_PROGRESS || error == KafkaError.STALE_MEMBER_EPOCH) {
            return REJOIN;
        }
        if (error != null && error.isRetriable()) {
            return RETRYABLE;
        }
        return FATAL;
    }
}
