package io.kafkaex.docs.samples.core;

import io.kafkaex.producer.partitioner.DefaultPartitioner;
import io.kafkaex.producer.partitioner.Partitioner;
import io.kafkaex.producer.partitioner.TopicPartitions;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

// tag::partitioner[]
/** Sends records with key "audit" to partition 0, the rest as the default partitioner does. */
final class AuditFirstPartitioner implements Partitioner {

    private static final byte[] AUDIT = "audit".getBytes(StandardCharsets.UTF_8);

    private final Partitioner fallback;

    AuditFirstPartitioner(int batchSize) {
        this.fallback = new DefaultPartitioner(batchSize);
    }

    @Override
    public int partition(String topic, byte[] key, byte[] value, TopicPartitions partitions) {
        if (key != null && Arrays.equals(key, AUDIT)) {
            return 0;
        }
        return fallback.partition(topic, key, value, partitions);
    }

    @Override
    public void onAppend(String topic, int partition, int bytes) {
        fallback.onAppend(topic, partition, bytes);
    }
}
// end::partitioner[]
