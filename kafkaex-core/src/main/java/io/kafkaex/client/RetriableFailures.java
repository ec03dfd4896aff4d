package io.kafkaex.client;

import io.kafkaex.CompletionCauses;
import io.kafkaex.cluster.RefreshReason;
import io.kafkaex.network.BrokerConnectionException;
import io.kafkaex.network.RequestNotSentException;
import io.kafkaex.network.RequestTimeoutException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.retry.RetryPolicy;

import java.time.Duration;
import java.util.Optional;

/**
 * What a failed call to a partition's leader means for another attempt. A broker error goes by the retry
 * policy's set. A request that was never sent ({@link RequestNotSentException}: refused connection, broker
 * gone before the write) may always go again within the budget. A request lost with its connection counts as
 * {@link KafkaError#NETWORK_EXCEPTION} and a missed deadline as {@link KafkaError#REQUEST_TIMED_OUT}: the
 * broker may have acted on them, so only operations safe to repeat (fetch, offsets, an idempotent produce)
 * have them in their set. Anything else is final.
 *
 * <p>Stateless; any thread may call it.
 */
public final class RetriableFailures {

    private RetriableFailures() {
    }

    /** The delay before the next attempt, or empty to fail with {@code failure}. */
    static Optional<Duration> nextDelay(RetryPolicy policy, int attemptsMade, Throwable failure) {
        if (failure instanceof RequestNotSentException) {
            return policy.nextDelayForUnsent(attemptsMade);
        }
        KafkaError error = errorOf(failure);
        return error == null ? Optional.empty() : policy.nextDelay(attemptsMade, error);
    }

    /**
     * The Kafka error a failed request amounts to: a broker error as itself, a broken or refused connection as
     * {@link KafkaError#NETWORK_EXCEPTION}, a missed deadline as {@link KafkaError#REQUEST_TIMED_OUT}; {@code null}
     * for anything else (no common version, a malformed response), which is never retried.
     */
    public static KafkaError errorOf(Throwable failure) {
        Throwable cause = CompletionCauses.unwrap(failure);
        if (cause instanceof KafkaErrorException kafka) {
            return kafka.error();
        }
        if (cause instanceof BrokerConnectionException) {
            return KafkaError.NETWORK_EXCEPTION;
        }
        if (cause instanceof RequestTimeoutException) {
            return KafkaError.REQUEST_TIMED_OUT;
        }
        return null;
    }

    /** Why metadata is refreshed before retrying after {@code failure}. */
    static RefreshReason refreshReason(Throwable failure) {
        return failure instanceof KafkaErrorException ? RefreshReason.NOT_LEADER_OR_FOLLOWER : RefreshReason.DISCONNECT;
    }
}
