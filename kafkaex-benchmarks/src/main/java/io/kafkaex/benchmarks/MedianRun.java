package io.kafkaex.benchmarks;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The median, slowest and fastest of a client's repeated runs of one configuration. Runs on a shared machine vary by
 * a third, so a benchmark reports the median run (all its metrics from that one run) with the range beside it.
 * Immutable; any thread.
 *
 * @param <R> a run's result
 */
record MedianRun<R>(R median, R slowest, R fastest) {

    /**
     * Orders {@code runs} (at least one) by {@code elapsedNanos}; the median of an even number of runs is the slower of
     * the middle two.
     */
    static <R> MedianRun<R> byElapsed(List<R> runs, ToLongFunction<R> elapsedNanos) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("No runs to take the median of");
        }
        List<R> sorted = runs.stream().sorted(Comparator.comparingLong(elapsedNanos)).toList();
        return new MedianRun<>(sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.get(0));
    }
}
