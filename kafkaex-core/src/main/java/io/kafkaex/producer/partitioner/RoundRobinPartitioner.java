package io.kafkaex.producer.partitioner;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spreads records evenly, ignoring keys: each topic has a counter that walks its partitions with a leader in
 * ascending order (all partitions while none has one), one record each, like the Java client's
 * {@code RoundRobinPartitioner}. Records with the same key do not stay together.
 *
 * <p>Thread-safe and lock-free: one atomic counter per topic.
 */
public final class RoundRobinPartitioner implements Partitioner {

    private final ConcurrentMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    @Override
    public int partition(String topic, byte[] key, byte[] value, TopicPartitions partitions) {
        AtomicInteger counter = counters.get(topic);
        if (counter == null) {
            counter = counters.computeIfAbsent(topic, t -> new AtomicInteger());
        }
        int next = Murmur2.toPositive(counter.getAndIncrement());
        return partitions.candidate(next % partitions.candidateCount());
    }
}
