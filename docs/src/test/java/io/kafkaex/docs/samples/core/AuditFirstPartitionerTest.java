package io.kafkaex.docs.samples.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.producer.partitioner.Partitioner;
import io.kafkaex.producer.partitioner.TopicPartitions;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The custom partitioner of docs/partitioners.md does what the guide says. */
class AuditFirstPartitionerTest {

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
}
