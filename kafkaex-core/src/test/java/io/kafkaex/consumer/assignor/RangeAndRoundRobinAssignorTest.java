package io.kafkaex.consumer.assignor;

import static io.kafkaex.consumer.assignor.AssignorFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.MemberAssignment;
import io.kafkaex.client.PartitionAssignment;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RangeAndRoundRobinAssignorTest {

    @Test
    void rangeGivesThreeMembersTwoContiguousPartitionsEachOfSix() {
        Map<String, MemberAssignment> assigned = new RangeAssignor().assign(Map.of("orders", 6),
                List.of(member("c", "orders"), member("a", "orders"), member("b", "orders")));

        assertThat(assigned.get("a").partitions()).containsExactly(new PartitionAssignment("orders", List.of(0, 1)));
        assertThat(assigned.get("b").partitions()).containsExactly(new PartitionAssignment("orders", List.of(2, 3)));
        assertThat(assigned.get("c").partitions()).containsExactly(new PartitionAssignment("orders", List.of(4, 5)));
    }

    @Test
    void rangeGivesTheFirstMembersTheExtraPartitionOfEveryTopic() {
        Map<String, MemberAssignment> assigned = new RangeAssignor().assign(Map.of("orders", 3, "payments", 3),
                List.of(member("a", "orders", "payments"), member("b", "orders", "payments")));

        assertThat(assigned.get("a").partitions()).containsExactly(new PartitionAssignment("orders", List.of(0, 1)),
                new PartitionAssignment("payments", List.of(0, 1)));
        assertThat(assigned.get("b").partitions()).containsExactly(new PartitionAssignment("orders", List.of(2)),
                new PartitionAssignment("payments", List.of(2)));
    }

    @Test
    void staticMembersComeFirstByInstanceId() {
        Map<String, MemberAssignment> assigned = new RangeAssignor().assign(Map.of("orders", 2), List.of(
                member("a", "orders"), member("z", "instance-1", List.of("orders"), List.of(), -1)));

        assertThat(assigned.get("z").partitions()).containsExactly(new PartitionAssignment("orders", List.of(0)));
        assertThat(assigned.get("a").partitions()).containsExactly(new PartitionAssignment("orders", List.of(1)));
    }

    @Test
    void everyMemberGetsAnEntryAndTopicsWithoutMetadataGetNone() {
        Map<String, MemberAssignment> assigned = new RangeAssignor().assign(Map.of("orders", 1),
                List.of(member("a", "orders", "unknown"), member("b", "orders"), member("c", "unknown")));

        assertThat(assigned).containsOnlyKeys("a", "b", "c");
        assertThat(assigned.get("a").partitions()).containsExactly(new PartitionAssignment("orders", List.of(0)));
        assertThat(assigned.get("b").isEmpty()).isTrue();
        assertThat(assigned.get("c")).isEqualTo(MemberAssignment.empty());
    }

    @Test
    void roundRobinDealsPartitionsInTurnSkippingMembersNotSubscribed() {
        Map<String, MemberAssignment> assigned = new RoundRobinAssignor().assign(Map.of("orders", 3, "payments", 2),
                List.of(member("a", "orders", "payments"), member("b", "orders"), member("c", "orders", "payments")));

        // orders-0 a, orders-1 b, orders-2 c, payments-0 a (b skipped), payments-1 c
        assertThat(assigned.get("a").partitions()).containsExactly(new PartitionAssignment("orders", List.of(0)),
                new PartitionAssignment("payments", List.of(0)));
        assertThat(assigned.get("b").partitions()).containsExactly(new PartitionAssignment("orders", List.of(1)));
        assertThat(assigned.get("c").partitions()).containsExactly(new PartitionAssignment("orders", List.of(2)),
                new PartitionAssignment("payments", List.of(1)));
    }
}
