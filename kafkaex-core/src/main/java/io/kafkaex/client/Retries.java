package io.kafkaex.client;

import io.kafkaex.CompletionCauses;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.retry.RetryPolicy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an attempt again while it fails with an error its {@link RetryPolicy} allows, waiting the policy's
 * backoff in between. Client-side failures count as the Kafka errors they amount to: a lost or refused
 * connection as {@code NETWORK_EXCEPTION}, a missed deadline as {@code REQUEST_TIMED_OUT}. Before each wait a
 * hook sees the error (to forget a coordinator, say). The last failure is returned as it was.
 *
 * <p>Thread-safe; continuations and the hook run on the thread that completes the attempt (the network's event
 * loop) or on the timer's thread.
 */
final class Retries {

    private final RetryPolicy policy;
    private final Function<Duration, CompletableFuture<Void>> timer;
    private final BooleanSupplier stopped;

    /**
     * @param timer   completes its future after the given delay
     * @param stopped whether retrying is over for good (the client is closing and its timers no longer fire)
     */
    Retries(RetryPolicy policy, Function<Duration, CompletableFuture<Void>> timer, BooleanSupplier stopped) {
        this.policy = policy;
        this.timer = timer;
        this.stopped = stopped;
    }

    /** Waits on the network's event-loop timers; gives up once the network is closed. */
    static Retries on(NetworkClient network, RetryPolicy policy) {
        return new Retries(policy, network::delay, network::isClosed);
    }

    /** The delay before attempt {@code attemptsMade + 1} after {@code error}, or empty to give up. */
    Optional<Duration> nextDelay(int attemptsMade, KafkaError error) {
        return error == null || stopped.getAsBoolean() ? Optional.empty() : policy.nextDelay(attemptsMade, error);
    }

    CompletableFuture<Void> after(Duration delay) {
        return timer.apply(delay);
    }

    /**
     * Runs {@code attempt} until it succeeds, fails with an error the policy does not retry, or the retries are
     * used up.
     *
     * @param beforeRetry called with the error of each failed attempt that will be retried
     */
    <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> attempt, Consumer<KafkaError> beforeRetry) {
        return run(attempt, beforeRetry, 1);
    }

    private <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> attempt, Consumer<KafkaError> beforeRetry,
            int attemptNumber) {
        return start(attempt).exceptionallyCompose(error -> {
            Throwable cause = CompletionCauses.unwrap(error);
            KafkaError kafkaError = RetriableFailures.errorOf(cause);
            Optional<Duration> delay = nextDelay(attemptNumber, kafkaError);
            if (delay.isEmpty()) {
                return CompletableFuture.failedFuture(cause);
            }
            beforeRetry.accept(kafkaError);
            return after(delay.get()).thenCompose(ignored -> run(attempt, beforeRetry, attemptNumber + 1));
        });
    }

    /** An attempt that throws instead of returning a failed future fails the same way. */
    private static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> attempt) {
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
