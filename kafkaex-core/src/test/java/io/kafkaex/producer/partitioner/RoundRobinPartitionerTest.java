package io.kafkaex.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RoundRobinPartitionerTest {

    private static int[] send(RoundRobinPartitioner partitioner, String topic, TopicPartitions partitions,
            int records) {
        return IntStream.range(0, records)
                .map(i -> partitioner.partition(topic, new byte[] {(byte) i}, null, partitions)).toArray();
    }

    @Test
    void cyclesOverThePartitionsWithALeaderInOrderIgnoringKeys() {
        RoundRobinPartitioner partitioner = new RoundRobinPartitioner();
        TopicPartitions partitions = new TopicPartitions(6, new int[] {4, 1, 3});
        assertThat(send(partitioner, "t", partitions, 7)).containsExactly(1, 3, 4, 1, 3, 4, 1);
    }

    @Test
    void cyclesOverAllPartitionsWhileNoneHasALeader() {
        RoundRobinPartitioner partitioner = new RoundRobinPartitioner();
        assertThat(send(partitioner, "t", new TopicPartitions(3, new int[0]), 4)).containsExactly(0, 1, 2, 0);
    }

    @Test
    void eachTopicHasItsOwnCounter() {
        RoundRobinPartitioner partitioner = new RoundRobinPartitioner();
        TopicPartitions four = TopicPartitions.allAvailable(4);
        assertThat(send(partitioner, "a", four, 3)).containsExactly(0, 1, 2);
        assertThat(send(partitioner, "b", four, 2)).containsExactly(0, 1);
        assertThat(partitioner.partition("a", null, null, four)).isEqualTo(3);
    }
}
