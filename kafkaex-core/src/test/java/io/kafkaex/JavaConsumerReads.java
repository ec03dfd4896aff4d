package io.kafkaex;

import io.kafkaex.test.KafkaTestCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads what KafkaEx wrote with kafka-clients' own consumer, the independent reader of the ITs. Test threads. */
public final class JavaConsumerReads {

    private JavaConsumerReads() {
    }

    /** Up to {@code count} records of one partition from its beginning, waiting at most 30 s for them. */
    public static List<ConsumerRecord<byte[], byte[]>> read(KafkaTestCluster cluster, String topic, int partition, int count) {
        return read(cluster, topic, partition, count, false);
    }

    /**
     * As {@link #read(KafkaTestCluster, String, int, int)}; {@code readCommitted}: with isolation level read_committed,
     * which hides the records of aborted and still open transactions.
     */
    public static List<ConsumerRecord<byte[], byte[]>> read(KafkaTestCluster cluster, String topic, int partition, int count,
            boolean readCommitted) {
        Properties config = config(cluster);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }

    /**
     * Every record of one partition up to its end offset when called, waiting at most 30 s for them: as many as
     * the partition holds, without waiting for more that should not be there. For partitions without
     * transactions, whose offsets are one record each.
     */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaTestCluster cluster, String topic, int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        long endOffset;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(cluster))) {
            endOffset = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
        }
        return read(cluster, topic, partition, Math.toIntExact(endOffset));
    }

    private static Properties config(KafkaTestCluster cluster) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }
}
