package io.kafkaex.producer.partitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicPartitionsTest {

    @Test
    void needsAtLeastOnePartition() {
        assertThatThrownBy(() -> new TopicPartitions(0, new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> TopicPartitions.allAvailable(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAvailablePartitionsOutsideTheTopicOrListedTwice() {
        assertThatThrownBy(() -> new TopicPartitions(3, new int[] {0, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 is outside [0, 3)");
        assertThatThrownBy(() -> new TopicPartitions(3, new int[] {-1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 is outside");
        assertThatThrownBy(() -> new TopicPartitions(3, new int[] {1, 2, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 is listed twice");
        assertThatThrownBy(() -> new TopicPartitions(3, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void sortsAndCopiesTheAvailablePartitionsOnTheWayInAndOut() {
        int[] given = {4, 0, 2};
        TopicPartitions partitions = new TopicPartitions(5, given);
        given[0] = 1;
        assertThat(partitions.available()).containsExactly(0, 2, 4);

        partitions.available()[0] = 3;
        assertThat(partitions.available()).containsExactly(0, 2, 4);
    }

    @Test
    void candidatesAreTheAvailablePartitionsInOrder() {
        TopicPartitions partitions = new TopicPartitions(6, new int[] {5, 1, 3});
        assertThat(partitions.candidateCount()).isEqualTo(3);
        assertThat(new int[] {partitions.candidate(0), partitions.candidate(1), partitions.candidate(2)})
                .containsExactly(1, 3, 5);
        assertThat(partitions.isCandidate(3)).isTrue();
        assertThat(partitions.isCandidate(2)).isFalse();
        assertThat(partitions.isCandidate(6)).isFalse();
        assertThatThrownBy(() -> partitions.candidate(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> partitions.candidate(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void everyPartitionIsACandidateWhileNoneIsAvailable() {
        TopicPartitions partitions = new TopicPartitions(3, new int[0]);
        assertThat(partitions.candidateCount()).isEqualTo(3);
        assertThat(partitions.candidate(2)).isEqualTo(2);
        assertThat(partitions.isCandidate(0)).isTrue();
        assertThat(partitions.isCandidate(3)).isFalse();
        assertThat(partitions.isCandidate(-1)).isFalse();
    }

    @Test
    void allAvailableListsEveryPartition() {
        assertThat(TopicPartitions.allAvailable(4).available()).containsExactly(0, 1, 2, 3);
        assertThat(TopicPartitions.allAvailable(4).count()).isEqualTo(4);
    }

    @Test
    void comparesByContent() {
        TopicPartitions partitions = new TopicPartitions(3, new int[] {2, 0});
        assertThat(partitions).isEqualTo(new TopicPartitions(3, new int[] {0, 2}))
                .hasSameHashCodeAs(new TopicPartitions(3, new int[] {0, 2}))
                .isNotEqualTo(new TopicPartitions(3, new int[] {0, 1}))
                .isNotEqualTo(new TopicPartitions(4, new int[] {0, 2}));
        assertThat(partitions).hasToString("TopicPartitions[count=3, available=[0, 2]]");
    }
}
