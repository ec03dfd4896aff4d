package io.kafkaex.spring.listener;

import java.time.Duration;
import java.util.Objects;

/**
 * A {@link ListenerBackOff} that waits the same {@code interval} after every failure. Immutable.
 *
 * @param interval the wait, zero or more
 */
public record FixedBackOff(Duration interval) implements ListenerBackOff {

    public FixedBackOff {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The back-off interval must be zero or more, was " + interval);
        }
    }

    @Override
    public Duration delayAfter(int failedAttempts) {
        return interval;
    }

    @Override
    public Duration maxDelay() {
        return interval;
    }
}
