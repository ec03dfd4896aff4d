package io.kafkaex.producer.partitioner;

/**
 * Chooses the partition of a record sent without one. An explicit partition always wins: the producer does
 * not ask the partitioner then. kafka_ex's {@code KafkaEx.Producer.Partitioner} behaviour
 * ({@code assign_partition(topic, key, value, partition_count)}) maps to {@link #partition}.
 *
 * <p>The producer calls both methods on the threads that call {@code send}, concurrently and without a lock
 * of its own: implementations must be thread-safe and must not block.
 */
public interface Partitioner {

    /**
     * Chooses the partition of one record.
     *
     * @param topic      the record's topic
     * @param key        the serialized key; {@code null} when the record has none (an empty array is a key)
     * @param value      the serialized value; {@code null} when the record has none
     * @param partitions the topic's partitions as the producer's metadata knows them now
     * @return a partition in {@code [0, partitions.count())}
     */
    int partition(String topic, byte[] key, byte[] value, TopicPartitions partitions);

    /**
     * Told after the producer appended a record of {@code bytes} bytes to {@code partition} of {@code topic}.
     * The producer calls it for each record whose partition it asked this partitioner for, keyed or not, and
     * not for records with an explicit partition. Sticky partitioners move on from here; the default does
     * nothing.
     *
     * @param topic     the record's topic
     * @param partition the partition the record was appended to
     * @param bytes     the record's size in the batch, in bytes
     */
    default void onAppend(String topic, int partition, int bytes) {
    }
}
