package io.kafkaex.benchmarks;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the records a benchmark listener handled and takes the {@link ProcessMeter} snapshot at the first and at the
 * {@code expected}-th one. The listener of either client calls {@link #handled()} from its consumer threads (several at
 * once with concurrency above 1, or KafkaEx's per-partition workers); {@link #await} is for the benchmark's main thread.
 */
final class HandledRecords {

    private final long expected;
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<ProcessMeter.Snapshot> first = new AtomicReference<>();
    private final AtomicReference<ProcessMeter.Snapshot> last = new AtomicReference<>();
    private final CountDownLatch done = new CountDownLatch(1);

    HandledRecords(long expected) {
        this.expected = expected;
    }

    /** One record was handled. */
    void handled() {
        long handled = count.incrementAndGet();
        if (handled == 1) {
            first.set(ProcessMeter.now());
        }
        if (handled == expected) {
            last.set(ProcessMeter.now());
            done.countDown();
        }
    }

    /** Records handled so far; above {@code expected} when a rebalance handed some records over twice. */
    long count() {
        return count.get();
    }

    /** Waits for the {@code expected}-th record; returns the snapshots taken at the first and at that one. */
    Snapshots await(Duration timeout) throws InterruptedException {
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "Only %,d of %,d records were handled within %s",
                    count.get(), expected, timeout));
        }
        return new Snapshots(first.get(), last.get());
    }

    /** The meter at the first record handled and at the {@code expected}-th. */
    record Snapshots(ProcessMeter.Snapshot first, ProcessMeter.Snapshot last) {
    }
}
