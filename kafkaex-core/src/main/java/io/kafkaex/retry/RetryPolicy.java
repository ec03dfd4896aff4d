package io.kafkaex.retry;

import io.kafkaex.protocol.error.KafkaError;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether and when to send a failed request again: at most {@link #maxRetries()} retries after the first
 * attempt, only for the {@link KafkaError}s this operation may safely retry, waiting as its {@link Backoff}
 * says. The caller schedules the retry; nothing here sleeps.
 *
 * <p>Unlike kafka_ex, whose {@code max_retries} counted all attempts (so {@code max_retries: 0} failed
 * without calling at all), {@code maxRetries} here counts retries only: 0 means exactly one attempt.
 *
 * <p>The factories hold each operation's retriable set. Produce retries only errors for which the broker
 * certainly did not write the batch, unless the producer is idempotent, where the broker drops duplicates.
 * Every set is a subset of Kafka's retriable errors ({@link KafkaError#isRetriable()}).
 *
 * <p>Immutable and thread-safe (when its {@link Backoff} is).
 */
public final class RetryPolicy {

    /** Retries after the first attempt unless configured otherwise. */
    public static final int DEFAULT_MAX_RETRIES = 3;

    /** 100 ms growing to 1 s, as Kafka's {@code retry.backoff.ms} and {@code retry.backoff.max.ms}. */
    public static final Backoff DEFAULT_BACKOFF = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1));

    private static final Set<KafkaError> LEADERSHIP = EnumSet.of(KafkaError.NOT_LEADER_OR_FOLLOWER,
            KafkaError.LEADER_NOT_AVAILABLE, KafkaError.FENCED_LEADER_EPOCH, KafkaError.UNKNOWN_LEADER_EPOCH,
            KafkaError.UNKNOWN_TOPIC_OR_PARTITION);

    private final int maxRetries;
    private final Backoff backoff;
    private final Set<KafkaError> retriableErrors;

    private RetryPolicy(int maxRetries, Backoff backoff, Set<KafkaError> retriableErrors) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0 (0 = one attempt only), was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        Set<KafkaError> errors = EnumSet.noneOf(KafkaError.class);
        errors.addAll(retriableErrors);
        this.retriableErrors = Collections.unmodifiableSet(errors);
    }

    /**
     * A policy that retries exactly the given errors.
     *
     * @param maxRetries      retries after the first attempt; 0 or more
     * @param backoff         the delays between attempts
     * @param retriableErrors the errors worth another attempt
     */
    public static RetryPolicy of(int maxRetries, Backoff backoff, Set<KafkaError> retriableErrors) {
        return new RetryPolicy(maxRetries, backoff, retriableErrors);
    }

    /** {@link #forProduce(boolean)} for a producer without idempotence. */
    public static RetryPolicy forProduce() {
        return forProduce(false);
    }

    /**
     * Produce: leadership errors and {@code NOT_ENOUGH_REPLICAS}, after which the broker certainly did not
     * append the batch. With idempotence also errors after which it may have ({@code REQUEST_TIMED_OUT},
     * {@code NETWORK_EXCEPTION}, {@code NOT_ENOUGH_REPLICAS_AFTER_APPEND}, {@code KAFKA_STORAGE_ERROR}),
     * because the broker discards the duplicate by its sequence number; without, a retry could write twice.
     */
    public static RetryPolicy forProduce(boolean idempotent) {
        Set<KafkaError> errors = EnumSet.copyOf(LEADERSHIP);
        errors.add(KafkaError.NOT_ENOUGH_REPLICAS);
        if (idempotent) {
            errors.addAll(EnumSet.of(KafkaError.REQUEST_TIMED_OUT, KafkaError.NETWORK_EXCEPTION,
                    KafkaError.NOT_ENOUGH_REPLICAS_AFTER_APPEND, KafkaError.KAFKA_STORAGE_ERROR));
        }
        return of(DEFAULT_MAX_RETRIES, DEFAULT_BACKOFF, errors);
    }

    /**
     * Offset commit, which is idempotent: transient coordinator errors ({@code COORDINATOR_LOAD_IN_PROGRESS},
     * {@code COORDINATOR_NOT_AVAILABLE}, {@code NOT_COORDINATOR}), {@code REQUEST_TIMED_OUT} and
     * {@code NETWORK_EXCEPTION}.
     */
    public static RetryPolicy forCommit() {
        return of(DEFAULT_MAX_RETRIES, DEFAULT_BACKOFF, EnumSet.of(KafkaError.COORDINATOR_LOAD_IN_PROGRESS,
                KafkaError.COORDINATOR_NOT_AVAILABLE, KafkaError.NOT_COORDINATOR, KafkaError.REQUEST_TIMED_OUT,
                KafkaError.NETWORK_EXCEPTION));
    }

    /**
     * Metadata: leadership errors (a topic just created has no leader yet and may be unknown to some
     * brokers), {@code REQUEST_TIMED_OUT} and {@code NETWORK_EXCEPTION}.
     */
    public static RetryPolicy forMetadata() {
        Set<KafkaError> errors = EnumSet.copyOf(LEADERSHIP);
        errors.addAll(EnumSet.of(KafkaError.REQUEST_TIMED_OUT, KafkaError.NETWORK_EXCEPTION));
        return of(DEFAULT_MAX_RETRIES, DEFAULT_BACKOFF, errors);
    }

    /** This policy with another retry count; 0 means one attempt only. */
    public RetryPolicy withMaxRetries(int maxRetries) {
        return new RetryPolicy(maxRetries, backoff, retriableErrors);
    }

    /** This policy with other delays. */
    public RetryPolicy withBackoff(Backoff backoff) {
        return new RetryPolicy(maxRetries, backoff, retriableErrors);
    }

    /**
     * The delay before the next attempt, or empty to give up: when {@code error} is not retriable for this
     * operation, or {@code attemptsMade} already used up the retries.
     *
     * @param attemptsMade how many attempts have failed so far, 1 after the first
     * @param error        the error the last attempt failed with
     * @throws IllegalArgumentException when {@code attemptsMade} is less than 1
     */
    public Optional<Duration> nextDelay(int attemptsMade, KafkaError error) {
        requireAttempted(attemptsMade);
        return isRetriable(error) ? nextDelayForUnsent(attemptsMade) : Optional.empty();
    }

    /**
     * The delay before sending again a request that never reached the broker (its connection failed before
     * the request was written), or empty when {@code attemptsMade} used up the retries. The broker cannot
     * have acted on such a request, so every operation may send it again, a produce without idempotence too.
     *
     * @param attemptsMade how many attempts have failed so far, 1 after the first
     * @throws IllegalArgumentException when {@code attemptsMade} is less than 1
     */
    public Optional<Duration> nextDelayForUnsent(int attemptsMade) {
        requireAttempted(attemptsMade);
        return attemptsMade > maxRetries ? Optional.empty() : Optional.of(backoff.delay(attemptsMade));
    }

    private static void requireAttempted(int attemptsMade) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade must be >= 1, was " + attemptsMade);
        }
    }

    /** Whether this operation may retry after {@code error}. */
    public boolean isRetriable(KafkaError error) {
        return retriableErrors.contains(Objects.requireNonNull(error, "error"));
    }

    /** Retries after the first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    /** All attempts, the first included: {@code maxRetries() + 1}. */
    public int maxAttempts() {
        return maxRetries + 1;
    }

    public Backoff backoff() {
        return backoff;
    }

    /** The errors this policy retries, in code order. */
    public Set<KafkaError> retriableErrors() {
        return retriableErrors;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", backoff=" + backoff + ", retriable=" + retriableErrors + "]";
    }
}
