package io.kafkaex.producer.partitioner;

import java.util.Arrays;

/**
 * The partitions of one topic as the producer's metadata knows them: how many there are, and which of them
 * have a leader now ("available"). Partitioners hash keys over {@link #count()}; partitioners that ignore keys
 * choose among the {@linkplain #candidate(int) candidates}, which are the available partitions, or all of them
 * while none is available.
 *
 * <p>Immutable and thread-safe: the array is copied on the way in and on the way out.
 *
 * @param count     the topic's partition count, at least 1
 * @param available the partitions that have a leader, each in {@code [0, count)}, without duplicates; any
 *                  order on the way in, sorted ascending in the record
 */
public record TopicPartitions(int count, int[] available) {

    /** Validates and copies {@code available} into ascending order. */
    public TopicPartitions {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        if (available == null) {
            throw new NullPointerException("available");
        }
        available = available.clone();
        Arrays.sort(available);
        for (int i = 0; i < available.length; i++) {
            int partition = available[i];
            if (partition < 0 || partition >= count) {
                throw new IllegalArgumentException(
                        "available partition " + partition + " is outside [0, " + count + ")");
            }
            if (i > 0 && available[i - 1] == partition) {
                throw new IllegalArgumentException("available partition " + partition + " is listed twice");
            }
        }
    }

    /**
     * A topic whose partitions all have a leader.
     *
     * @param count the topic's partition count, at least 1
     */
    public static TopicPartitions allAvailable(int count) {
        int[] all = new int[Math.max(count, 0)];
        Arrays.setAll(all, i -> i);
        return new TopicPartitions(count, all);
    }

    /** The partitions that have a leader, ascending; a copy. */
    @Override
    public int[] available() {
        return available.clone();
    }

    /** How many partitions a partitioner that ignores keys may choose from: the available ones, or all while none is. */
    public int candidateCount() {
        return available.length > 0 ? available.length : count;
    }

    /**
     * The candidate at {@code index}: the {@code index}-th available partition in ascending order, or
     * {@code index} itself while none is available.
     *
     * @param index in {@code [0, candidateCount())}
     */
    public int candidate(int index) {
        if (index < 0 || index >= candidateCount()) {
            throw new IndexOutOfBoundsException("candidate " + index + " of " + candidateCount());
        }
        return available.length > 0 ? available[index] : index;
    }

    /** Whether {@code partition} is one of the {@linkplain #candidate(int) candidates}. */
    public boolean isCandidate(int partition) {
        if (available.length > 0) {
            return Arrays.binarySearch(available, partition) >= 0;
        }
        return partition >= 0 && partition < count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopicPartitions that && count == that.count
                && Arrays.equals(available, that.available);
    }

    @Override
    public int hashCode() {
        return 31 * count + Arrays.hashCode(available);
    }

    @Override
    public String toString() {
        return "TopicPartitions[count=" + count + ", available=" + Arrays.toString(available) + "]";
    }
}
