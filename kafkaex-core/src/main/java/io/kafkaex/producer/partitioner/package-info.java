/**
 * Where a record without an explicit partition goes: the {@link io.kafkaex.producer.partitioner.Partitioner}
 * SPI, the {@link io.kafkaex.producer.partitioner.TopicPartitions} it decides over, the key hash
 * {@link io.kafkaex.producer.partitioner.Murmur2} shared with every Kafka client, and the built-in
 * partitioners ({@link io.kafkaex.producer.partitioner.Partitioners}). The producer calls them on the sending
 * threads; none of them blocks.
 */
package io.kafkaex.producer.partitioner;
