package io.kafkaex.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: retry {@code n} waits {@code initialDelay * multiplier^(n-1)}, capped at
 * {@code maxDelay}, then scaled by a random factor in {@code [1 - jitter, 1 + jitter)} and capped at
 * {@code maxDelay} again, so no delay ever exceeds {@code maxDelay}. Jitter spreads the retries of many
 * clients that failed together; kafka_ex had none.
 *
 * <p>Create one with {@link #exponential(Duration, Duration)} and adjust it with the {@code with*} methods.
 * The defaults ({@link #DEFAULT_MULTIPLIER}, {@link #DEFAULT_JITTER}) match Kafka's own clients.
 *
 * <p>Immutable. Thread-safe when its random generator is; the default one ({@link ThreadLocalRandom} of the
 * calling thread) is. Tests pass a seeded generator through {@link #withRandom(RandomGenerator)}.
 */
public final class Backoff {

    /** Each retry waits this many times longer than the one before. */
    public static final double DEFAULT_MULTIPLIER = 2.0;

    /** Delays vary by up to ±20%. */
    public static final double DEFAULT_JITTER = 0.2;

    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private static final RandomGenerator CALLING_THREADS_RANDOM = () -> ThreadLocalRandom.current().nextLong();

    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final double jitter;
    private final RandomGenerator random;

    private Backoff(Duration initialDelay, double multiplier, Duration maxDelay, double jitter,
            RandomGenerator random) {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initialDelay must be positive, was " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "maxDelay must be at least initialDelay (" + initialDelay + "), was " + maxDelay);
        }
        if (maxDelay.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("maxDelay must be at most " + LONGEST + ", was " + maxDelay);
        }
        if (!(multiplier >= 1.0 && multiplier <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1.0, was " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0.0, 1.0), was " + jitter);
        }
        this.initialDelay = initialDelay;
        this.multiplier = multiplier;
        this.maxDelay = maxDelay;
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Backoff from {@code initialDelay} up to {@code maxDelay} with {@link #DEFAULT_MULTIPLIER} and
     * {@link #DEFAULT_JITTER}.
     *
     * @param initialDelay the delay before the first retry (before jitter); positive
     * @param maxDelay     the longest delay; at least {@code initialDelay}
     */
    public static Backoff exponential(Duration initialDelay, Duration maxDelay) {
        return new Backoff(initialDelay, DEFAULT_MULTIPLIER, maxDelay, DEFAULT_JITTER, CALLING_THREADS_RANDOM);
    }

    /** This backoff with another growth factor; at least 1.0 (1.0 means a constant delay). */
    public Backoff withMultiplier(double multiplier) {
        return new Backoff(initialDelay, multiplier, maxDelay, jitter, random);
    }

    /** This backoff with another jitter ratio in [0.0, 1.0); 0.2 means ±20%, 0.0 none. */
    public Backoff withJitter(double jitter) {
        return new Backoff(initialDelay, multiplier, maxDelay, jitter, random);
    }

    /** This backoff drawing its jitter from {@code random}, e.g. a seeded generator in tests. */
    public Backoff withRandom(RandomGenerator random) {
        return new Backoff(initialDelay, multiplier, maxDelay, jitter, random);
    }

    /**
     * How long to wait before retry number {@code attempt}.
     *
     * @param attempt 1 for the first retry, 2 for the second, and so on
     * @throws IllegalArgumentException when {@code attempt} is less than 1
     */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1 (1 = first retry), was " + attempt);
        }
        double maxNanos = maxDelay.toNanos();
        double baseNanos = Math.min(initialDelay.toNanos() * Math.pow(multiplier, attempt - 1), maxNanos);
        double factor = jitter == 0.0 ? 1.0 : random.nextDouble(1.0 - jitter, 1.0 + jitter);
        return Duration.ofNanos(Math.round(Math.min(baseNanos * factor, maxNanos)));
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public double multiplier() {
        return multiplier;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public double jitter() {
        return jitter;
    }

    @Override
    public String toString() {
        return "Backoff[initialDelay=" + initialDelay + ", multiplier=" + multiplier + ", maxDelay=" + maxDelay
                + ", jitter=" + jitter + "]";
    }
}
