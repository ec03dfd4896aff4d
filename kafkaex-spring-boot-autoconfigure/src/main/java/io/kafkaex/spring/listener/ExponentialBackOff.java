package io.kafkaex.spring.listener;

import java.time.Duration;
import java.util.Objects;

/**
 * A {@link ListenerBackOff} whose wait grows with each failure in a row: {@code initialInterval} after the first,
 * multiplied by {@code multiplier} after each further one, never more than {@code maxInterval}. Immutable.
 *
 * @param initialInterval the wait after the first failure, zero or more
 * @param multiplier the growth per failure, 1 or more
 * @param maxInterval the cap, at least {@code initialInterval}
 */
public record ExponentialBackOff(Duration initialInterval, double multiplier, Duration maxInterval)
        implements ListenerBackOff {

    public ExponentialBackOff {
        Objects.requireNonNull(initialInterval, "initialInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        if (initialInterval.isNegative()) {
            throw new IllegalArgumentException("The initial back-off interval must be zero or more, was " + initialInterval);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("The back-off multiplier must be a finite number of 1 or more, was " + multiplier);
        }
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("The maximum back-off interval (" + maxInterval
                    + ") must be at least the initial interval (" + initialInterval + ")");
        }
    }

    @Override
    public Duration delayAfter(int failedAttempts) {
        double millis = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis((long) millis);
    }

    @Override
    public Duration maxDelay() {
        return maxInterval;
    }
}
