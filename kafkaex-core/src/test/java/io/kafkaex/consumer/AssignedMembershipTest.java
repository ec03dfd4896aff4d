package io.kafkaex.consumer;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A member with a fixed assignment: assigned once outside any generation, revoked with commits on close, never rejoins. */
class AssignedMembershipTest {

    private static final TopicPartition T0 = new TopicPartition("t", 0);
    private static final TopicPartition T2 = new TopicPartition("t", 2);

    @Test
    void assignsTheGivenPartitionsOnceAndRevokesThemOnClose() {
        RecordingMembershipListener listener = new RecordingMembershipListener();
        AssignedMembership membership = new AssignedMembership(options(Map.of(T0, 5L, T2,
                ConsumerGroupOptions.COMMITTED_OFFSET)), listener);

        membership.start();
        Eventually.until(Duration.ofSeconds(5), () -> membership.state() == GroupMembership.State.STABLE);
        membership.requestRejoin("a topic changed");

        assertThat(listener.assigned).containsExactly(Set.of(T0, T2));
        assertThat(listener.assignedGenerations).containsExactly(Generation.none(null));
        assertThat(membership.owned()).containsExactlyInAnyOrder(T0, T2);
        membership.close();
        assertThat(listener.revoked).containsExactly(Set.of(T0, T2));
        assertThat(membership.state()).isEqualTo(GroupMembership.State.CLOSED);
        assertThat(membership.owned()).isEmpty();
        membership.close();
        assertThat(listener.revoked).as("closed once").hasSize(1);
    }

    @Test
    void anAssignmentOutsideTheTopicsOrWithANegativeOffsetIsRefused() {
        assertThatThrownBy(() -> options(Map.of(new TopicPartition("other", 0), 0L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other-0");
        assertThatThrownBy(() -> options(Map.of(T0, -7L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-7");
    }

    private static ConsumerGroupOptions options(Map<TopicPartition, Long> assignment) {
        return ConsumerGroupOptions.builder(KafkaExClientOptions.builder().bootstrapServers("localhost:9092").build(),
                "g", List.of("t")).assign(assignment).build();
    }
}
