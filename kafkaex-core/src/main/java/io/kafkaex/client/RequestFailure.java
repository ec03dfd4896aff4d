package io.kafkaex.client;

import io.kafkaex.CompletionCauses;
import io.kafkaex.protocol.error.KafkaError;

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
        Throwable cause = CompletionCauses.unwrap(failure);
        KafkaError error = RetriableFailures.errorOf(cause);
        if (error == null) {
            throw new CompletionException(cause);
        }
        return new RequestFailure(error, cause.getMessage());
    }
}
