package io.kafkaex.spring.listener;

import java.time.Duration;

/**
 * How long a {@link DefaultListenerErrorHandler} waits before it invokes a failed listener again: a delay per failed
 * attempt, never more than {@link #maxDelay()}. Implementations are immutable and thread-safe.
 *
 * @see FixedBackOff
 * @see ExponentialBackOff
 */
public interface ListenerBackOff {

    /**
     * The wait before the next invocation after {@code failedAttempts} failures in a row.
     *
     * @param failedAttempts 1 after the first failure
     * @return a non-negative delay, at most {@link #maxDelay()}
     */
    Duration delayAfter(int failedAttempts);

    /** The longest delay this back-off gives; the handler also waits this long before recovering again. */
    Duration maxDelay();

    /** The same {@code interval} after every failure. */
    static ListenerBackOff fixed(Duration interval) {
        return new FixedBackOff(interval);
    }

    /** {@code initialInterval} after the first failure, times {@code multiplier} per further failure, at most {@code maxInterval}. */
    static ListenerBackOff exponential(Duration initialInterval, double multiplier, Duration maxInterval) {
        return new ExponentialBackOff(initialInterval, multiplier, maxInterval);
    }
}
