package io.kafkaex.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What this JVM spent between two moments: wall time, process CPU time (every thread of the process, so a client's
 * background threads count; a broker the benchmark talks to runs in its own process and does not) and bytes
 * allocated, summed over the threads alive at each moment (a thread that ends in between takes its share along).
 * {@link #now()} takes a snapshot, {@link Snapshot#until(Snapshot)} gives the difference. Static methods and
 * immutable snapshots: any thread, and the two ends of a measurement may be taken on different threads.
 */
final class ProcessMeter {

    private ProcessMeter() {
    }

    /** This JVM at one moment. */
    record Snapshot(long nanoTime, long cpuNanos, long allocatedBytes) {

        /** What the JVM spent from this snapshot to {@code later}. */
        Measurement until(Snapshot later) {
            return new Measurement(later.nanoTime - nanoTime, later.cpuNanos - cpuNanos, later.allocatedBytes - allocatedBytes);
        }
    }

    /** What the JVM spent in one measured run. */
    record Measurement(long elapsedNanos, long cpuNanos, long allocatedBytes) {

        /** {@code count} units per second of wall time. */
        double perSecond(long count) {
            return count / (elapsedNanos / 1e9);
        }

        /** CPU seconds per million of {@code count} units. */
        double cpuSecondsPerMillion(long count) {
            return cpuNanos / 1e9 / (count / 1e6);
        }

        double allocatedBytesPer(long count) {
            return (double) allocatedBytes / count;
        }
    }

    static Snapshot now() {
        return new Snapshot(System.nanoTime(), processCpuNanos(), allocatedBytes());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long allocatedBytes() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long allocated : ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, allocated);
        }
        return total;
    }
}
