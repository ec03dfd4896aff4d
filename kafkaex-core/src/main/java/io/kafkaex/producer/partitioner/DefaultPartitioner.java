package io.kafkaex.producer.partitioner;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The partitioner the producer uses unless told otherwise, the same as the Java client's built-in one.
 *
 * <ul>
 *   <li>A record with a key (an empty key too) goes to {@code toPositive(murmur2(key)) % count}, over the
 *       topic's total partition count, even while some partitions have no leader. A key therefore lands on
 *       the same partition as with the Java client and with kafka_ex's {@code Partitioner.Default}, and does
 *       not move while a leader is away (kafka_ex counted only partitions with a leader).</li>
 *   <li>A record without a key goes to the topic's sticky partition (KIP-794 "uniform sticky"): drawn
 *       uniformly at random among the partitions with a leader (among all while none has one) and kept until
 *       at least {@code stickyBatchSize} bytes have been appended to it, so null-key records fill whole batches
 *       instead of scattering one record per batch (kafka_ex drew a random partition per produce call). The
 *       adaptive part of KIP-794, which favours brokers with shorter queues, is not implemented.</li>
 * </ul>
 *
 * <p>Thread-safe and lock-free when its random generator is thread-safe; the default one (the calling thread's
 * {@link ThreadLocalRandom}) is. Tests pass a seeded generator.
 */
public final class DefaultPartitioner implements Partitioner {

    private static final RandomGenerator CALLING_THREADS_RANDOM = () -> ThreadLocalRandom.current().nextLong();

    private final UniformSticky sticky;

    /**
     * A default partitioner drawing sticky partitions with the calling thread's random generator.
     *
     * @param stickyBatchSize the producer's batch size in bytes, at least 1: a null-key record after this many
     *                        bytes were appended to the sticky partition starts a new one
     */
    public DefaultPartitioner(int stickyBatchSize) {
        this(stickyBatchSize, CALLING_THREADS_RANDOM);
    }

    /**
     * A default partitioner drawing sticky partitions with {@code random}, which must be thread-safe if
     * several threads send.
     *
     * @param stickyBatchSize the producer's batch size in bytes, at least 1
     * @param random          the source of sticky draws
     */
    public DefaultPartitioner(int stickyBatchSize, RandomGenerator random) {
        this.sticky = new UniformSticky(stickyBatchSize, random);
    }

    /**
     * The partition of a keyed record: {@code toPositive(murmur2(key)) % partitionCount}, exactly as the Java
     * client computes it.
     *
     * @param key            the serialized key, possibly empty
     * @param partitionCount the topic's total partition count, at least 1
     */
    public static int partitionForKey(byte[] key, int partitionCount) {
        Objects.requireNonNull(key, "key");
        if (partitionCount < 1) {
            throw new IllegalArgumentException("partitionCount must be at least 1, was " + partitionCount);
        }
        return Murmur2.toPositive(Murmur2.hash(key)) % partitionCount;
    }

    @Override
    public int partition(String topic, byte[] key, byte[] value, TopicPartitions partitions) {
        if (key != null) {
            return partitionForKey(key, partitions.count());
        }
        return sticky.partition(topic, partitions);
    }

    /** Counts the bytes toward the topic's sticky partition when {@code partition} is that one. */
    @Override
    public void onAppend(String topic, int partition, int bytes) {
        sticky.onAppend(topic, partition, bytes);
    }
}
