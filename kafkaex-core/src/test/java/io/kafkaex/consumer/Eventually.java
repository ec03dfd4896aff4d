package io.kafkaex.consumer;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition in tests, polling every 10 ms, failing after a bound. */
final class Eventually {

    static final Duration DEFAULT_BOUND = Duration.ofSeconds(30);

    private Eventually() {
    }

    static void until(BooleanSupplier condition) {
        until(DEFAULT_BOUND, condition);
    }

    static void until(Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + bound);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
