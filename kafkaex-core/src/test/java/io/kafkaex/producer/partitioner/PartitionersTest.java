package io.kafkaex.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartitionersTest {

    @Test
    void eachNameMakesItsPartitioner() {
        assertThat(Partitioners.DEFAULT.create(16_384)).isInstanceOf(DefaultPartitioner.class);
        assertThat(Partitioners.LEGACY.create(16_384)).isInstanceOf(LegacyPartitioner.class);
        assertThat(Partitioners.ROUND_ROBIN.create(16_384)).isInstanceOf(RoundRobinPartitioner.class);
    }

    @Test
    void eachCallMakesANewPartitionerWithStateOfItsOwn() {
        Partitioner first = Partitioners.ROUND_ROBIN.create(1);
        Partitioner second = Partitioners.ROUND_ROBIN.create(1);
        TopicPartitions three = TopicPartitions.allAvailable(3);
        assertThat(first.partition("t", null, null, three)).isZero();
        assertThat(first.partition("t", null, null, three)).isEqualTo(1);
        assertThat(second.partition("t", null, null, three)).isZero();
    }

    @Test
    void rejectsABatchSizeBelowOne() {
        for (Partitioners kind : Partitioners.values()) {
            assertThatThrownBy(() -> kind.create(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("batchSize must be at least 1");
        }
    }
}
