package io.kafkaex.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The custom partitioner of docs/partitioners.md, compiled and checked here. */
class CustomPartitionerExampleTest {

    /** Sends records with key "audit" to partition 0, the rest as the default partitioner does. */
    static final class AuditFirstPartitioner implements Partitioner {

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

    @Test
    void auditRecordsGoToPartitionZeroAndOtherKeysWhereTheDefaultPutsThem() {
        Partitioner partitioner = new AuditFirstPartitioner(16_384);
        TopicPartitions ten = TopicPartitions.allAvailable(10);
        byte[] user = "user-123".getBytes(StandardCharsets.UTF_8);

        assertThat(partitioner.partition("t", "audit".getBytes(StandardCharsets.UTF_8), null, ten)).isZero();
        assertThat(partitioner.partition("t", user, null, ten)).isEqualTo(8);
        int sticky = partitioner.partition("t", null, null, ten);
        partitioner.onAppend("t", sticky, 100);
        assertThat(partitioner.partition("t", null, null, ten)).isEqualTo(sticky);
    }

    @Test
    void theDefaultOnAppendDoesNothing() {
        Partitioner fixed = (topic, key, value, partitions) -> 2;
        fixed.onAppend("t", 2, 1_000);
        assertThat(fixed.partition("t", null, null, TopicPartitions.allAvailable(3))).isEqualTo(2);
    }
}
