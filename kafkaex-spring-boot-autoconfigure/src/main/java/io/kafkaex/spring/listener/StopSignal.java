package io.kafkaex.spring.listener;

import java.time.Duration;

/**
 * Tells a container's partition workers that the container is stopping, so a retry wait ends at once. One per
 * container run. Thread-safe.
 */
final class StopSignal {

    private boolean stopped;

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    synchronized boolean isStopped() {
        return stopped;
    }

    /** Waits up to {@code delay}; false when the container stopped meanwhile (or before). */
    synchronized boolean sleep(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        try {
            while (!stopped) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
