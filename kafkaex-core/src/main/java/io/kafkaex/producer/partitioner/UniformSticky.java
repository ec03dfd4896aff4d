package io.kafkaex.producer.partitioner;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * The uniform sticky choice of KIP-794 for records without a key: per topic one partition, drawn uniformly at
 * random among the {@linkplain TopicPartitions#candidate(int) candidates}, until at least the batch size in
 * bytes has been appended to it; then the next record draws again (possibly the same partition, as in Kafka).
 * It also draws again when its partition lost its leader while others have one.
 *
 * <p>Thread-safe without locks: each topic's choice is an immutable partition with an atomic byte count,
 * replaced by compare-and-set, so concurrent callers that find it used up agree on one new draw.
 */
final class UniformSticky {

    private final long batchSize;
    private final RandomGenerator random;
    private final ConcurrentMap<String, AtomicReference<Choice>> topics = new ConcurrentHashMap<>();

    UniformSticky(int batchSize, RandomGenerator random) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("stickyBatchSize must be at least 1, was " + batchSize);
        }
        if (random == null) {
            throw new NullPointerException("random");
        }
        this.batchSize = batchSize;
        this.random = random;
    }

    int partition(String topic, TopicPartitions partitions) {
        AtomicReference<Choice> current = topics.get(topic);
        if (current == null) {
            current = topics.computeIfAbsent(topic, t -> new AtomicReference<>());
        }
        Choice choice = current.get();
        while (choice == null || !choice.stillFits(partitions, batchSize)) {
            Choice next = new Choice(partitions.candidate(random.nextInt(partitions.candidateCount())));
            if (current.compareAndSet(choice, next)) {
                return next.partition;
            }
            choice = current.get();
        }
        return choice.partition;
    }

    void onAppend(String topic, int partition, int bytes) {
        AtomicReference<Choice> current = topics.get(topic);
        Choice choice = current == null ? null : current.get();
        if (choice != null && choice.partition == partition) {
            choice.appendedBytes.addAndGet(bytes);
        }
    }

    /** One sticky partition and the bytes appended to it since it was chosen. */
    private static final class Choice {

        final int partition;
        final AtomicLong appendedBytes = new AtomicLong();

        Choice(int partition) {
            this.partition = partition;
        }

        boolean stillFits(TopicPartitions partitions, long batchSize) {
            return appendedBytes.get() < batchSize && partitions.isCandidate(partition);
        }
    }
}
