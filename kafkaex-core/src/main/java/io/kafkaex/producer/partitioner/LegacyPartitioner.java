package io.kafkaex.producer.partitioner;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * kafka_ex's deprecated {@code KafkaEx.Producer.Partitioner.Legacy}, for applications that must keep keys on
 * the partitions an old kafka_ex producer put them on.
 *
 * <ul>
 *   <li>A record with a key goes to {@code (murmur2(key) as unsigned 32-bit) % count}. This agrees with
 *       {@link DefaultPartitioner} when {@code murmur2(key) >= 0} and usually differs otherwise; the Java client
 *       never partitions like this. The topic's total partition count is used, not only partitions with a
 *       leader as in kafka_ex.</li>
 *   <li>A record without a key goes to a uniformly random partition, drawn anew for each record, as in
 *       kafka_ex.</li>
 * </ul>
 *
 * <p>Thread-safe when its random generator is; the default one (the calling thread's
 * {@link ThreadLocalRandom}) is.
 */
public final class LegacyPartitioner implements Partitioner {

    private static final RandomGenerator CALLING_THREADS_RANDOM = () -> ThreadLocalRandom.current().nextLong();

    private final RandomGenerator random;

    /** A legacy partitioner drawing null-key partitions with the calling thread's random generator. */
    public LegacyPartitioner() {
        this(CALLING_THREADS_RANDOM);
    }

    /**
     * A legacy partitioner drawing null-key partitions with {@code random}, which must be thread-safe if several
     * threads send.
     */
    public LegacyPartitioner(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public int partition(String topic, byte[] key, byte[] value, TopicPartitions partitions) {
        if (key == null) {
            return random.nextInt(partitions.count());
        }
        return (int) ((Murmur2.hash(key) & 0xFFFFFFFFL) % partitions.count());
    }
}
