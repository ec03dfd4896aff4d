package io.kafkaex.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@link Partitioner} interface's defaults; the guide's custom partitioner is tested with its sample in docs. */
class PartitionerDefaultsTest {

    @Test
    void theDefaultOnAppendDoesNothing() {
        Partitioner fixed = (topic, key, value, partitions) -> 2;
        fixed.onAppend("t", 2, 1_000);
        assertThat(fixed.partition("t", null, null, TopicPartitions.allAvailable(3))).isEqualTo(2);
    }
}
