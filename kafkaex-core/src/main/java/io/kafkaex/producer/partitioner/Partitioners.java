package io.kafkaex.producer.partitioner;

import java.util.function.IntFunction;

/**
 * The partitioners that come with KafkaEx, by name, for configuration ({@code default}, {@code legacy},
 * {@code round-robin}); an application with a partitioner of its own passes that instance instead.
 *
 * <p>Immutable; any thread may call it.
 */
public enum Partitioners {

    /** {@link DefaultPartitioner}: keys as the Java client, null keys sticky. */
    DEFAULT(DefaultPartitioner::new),

    /** {@link LegacyPartitioner}: kafka_ex's deprecated unsigned hashing. */
    LEGACY(batchSize -> new LegacyPartitioner()),

    /** {@link RoundRobinPartitioner}: keys ignored. */
    ROUND_ROBIN(batchSize -> new RoundRobinPartitioner());

    private final IntFunction<Partitioner> factory;

    Partitioners(IntFunction<Partitioner> factory) {
        this.factory = factory;
    }

    /**
     * A new partitioner of this kind, with state of its own.
     *
     * @param batchSize the producer's batch size in bytes, at least 1; only {@link #DEFAULT} uses it
     */
    public Partitioner create(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        return factory.apply(batchSize);
    }
}
