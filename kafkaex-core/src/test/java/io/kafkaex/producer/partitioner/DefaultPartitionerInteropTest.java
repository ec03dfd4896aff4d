package io.kafkaex.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/**
 * A keyed record lands on the same partition with KafkaEx as with the Java client. The oracle is
 * {@code BuiltInPartitioner.partitionForKey(byte[], int)} of the {@code kafka-clients} version on the test
 * classpath: since Kafka 3.3 (KIP-794) the producer computes a keyed record's partition with it when no
 * partitioner is configured, and Kafka 4 removed the old {@code DefaultPartitioner} class.
 */
class DefaultPartitionerInteropTest {

    private static final int KEYS = 100_000;
    private static final int MAX_PARTITIONS = 64;

    @Test
    void keyedRecordsLandWhereTheJavaClientPutsThemForEveryPartitionCountUpTo64() {
        SplittableRandom random = new SplittableRandom(20_221_794);
        DefaultPartitioner partitioner = new DefaultPartitioner(16_384);
        TopicPartitions[] topics = new TopicPartitions[MAX_PARTITIONS + 1];
        for (int count = 1; count <= MAX_PARTITIONS; count++) {
            topics[count] = TopicPartitions.allAvailable(count);
        }
        int compared = 0;
        for (int i = 0; i < KEYS; i++) {
            byte[] key = new byte[random.nextInt(0, 48)];
            random.nextBytes(key);
            for (int count = 1; count <= MAX_PARTITIONS; count++) {
                int ours = partitioner.partition("t", key, null, topics[count]);
                int theirs = BuiltInPartitioner.partitionForKey(key, count);
                if (ours != theirs) {
                    assertThat(ours).as("key %s, %d partitions", Arrays.toString(key), count)
                            .isEqualTo(theirs);
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(KEYS * MAX_PARTITIONS);
    }
}
