package io.kafkaex.client;

import io.kafkaex.network.BrokerConnectionException;
import io.kafkaex.network.RequestTimeoutException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;

import java.util.concurrent.CompletionException;

/**
 * A failed request of a call that reports per-item outcomes, as the {@link KafkaError} to record for each item
 * it carried: a broker error as itself, a broken or refused connection as {@code NETWORK_EXCEPTION}, a missed
 * deadline as {@code REQUEST_TIMED_OUT} (so retry policies can judge them). Other failures (no common version,
 * a malformed response) are not per-item outcomes: {@link #of(Throwable)} rethrows them.
 *
 * <p>Immutable; stateless factory, callable from any thread.
 *
 * @param error   the error to record
 * @param message what happened, for the item's message
 */
record RequestFailure(KafkaError error, String message) {

    /**
     * The outcome a request's failure stands for.
     *
     * @throws CompletionException wrapping the cause when it is not a per-item outcome
     */
    static RequestFailure of(Throwable failure) {
        Throwable cause = LeaderCalls.unwrap(failure);
        if (cause instanceof KafkaErrorException kafka) {
            return new RequestFailure(kafka.error(), kafka.getMessage());
        }
        if (cause instanceof BrokerConnectionException) {
            return new RequestFailure(KafkaError.NETWORK_EXCEPTION, cause.getMessage());
        }
        if (cause instanceof RequestTimeoutException) {
            return new RequestFailure(KafkaError.REQUEST_TIMED_OUT, cause.getMessage());
        }
        throw new CompletionException(cause);
    }
}
