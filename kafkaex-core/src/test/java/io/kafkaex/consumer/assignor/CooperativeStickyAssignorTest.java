package io.kafkaex.consumer.assignor;

import static io.kafkaex.consumer.assignor.AssignorFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.JoinGroupMember;
import io.kafkaex.client.MemberAssignment;
import io.kafkaex.client.MemberSubscription;
import io.kafkaex.client.PartitionAssignment;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.junit.jupiter.api.Test;

class CooperativeStickyAssignorTest {

    private final CooperativeStickyAssignor assignor = new CooperativeStickyAssignor();

    @Test
    void isCooperative() {
        assertThat(assignor.name()).isEqualTo("cooperative-sticky");
        assertThat(assignor.rebalanceProtocol()).isEqualTo(PartitionAssignor.RebalanceProtocol.COOPERATIVE);
    }

    @Test
    void givesThreeNewMembersTwoPartitionsEachOfSix() {
        Map<String, MemberAssignment> assigned = assignor.assign(Map.of("orders", 6),
                List.of(member("a", "orders"), member("b", "orders"), member("c", "orders")));

        assertThat(assigned.values()).allSatisfy(assignment ->
                assertThat(assignment.partitions()).singleElement().satisfies(topic -> assertThat(topic.partitions()).hasSize(2)));
    }

    @Test
    void aJoiningMemberGetsNothingItsOwnerStillHoldsUntilTheFollowUpRebalance() {
        JoinGroupMember a = owning("a", 3, 0, 1, 2);
        JoinGroupMember b = owning("b", 3, 3, 4, 5);

        Map<String, MemberAssignment> first = assignor.assign(Map.of("orders", 6), List.of(a, b, member("c", "orders")));

        // a and b each give up one partition, which c does not get yet: a and b still hold them.
        assertThat(partitions(first.get("a"))).hasSize(2).isSubsetOf(0, 1, 2);
        assertThat(partitions(first.get("b"))).hasSize(2).isSubsetOf(3, 4, 5);
        assertThat(first.get("c").isEmpty()).isTrue();

        // Having revoked them, a and b rejoin owning what they kept; now c gets the two revoked partitions.
        Map<String, MemberAssignment> second = assignor.assign(Map.of("orders", 6), List.of(
                owning("a", 4, partitions(first.get("a")).stream().mapToInt(Integer::intValue).toArray()),
                owning("b", 4, partitions(first.get("b")).stream().mapToInt(Integer::intValue).toArray()),
                owning("c", 4)));
        assertThat(partitions(second.get("a"))).isEqualTo(partitions(first.get("a")));
        assertThat(partitions(second.get("b"))).isEqualTo(partitions(first.get("b")));
        assertThat(partitions(second.get("c"))).hasSize(2).doesNotContainAnyElementsOf(partitions(first.get("a")))
                .doesNotContainAnyElementsOf(partitions(first.get("b")));
    }

    @Test
    void aStaleOwnerOfAnOlderGenerationLosesAConflictingClaim() {
        Map<String, MemberAssignment> assigned = assignor.assign(Map.of("orders", 2),
                List.of(owning("stale", 4, 0, 1), owning("current", 5, 0)));

        assertThat(partitions(assigned.get("current"))).containsExactly(0);
        assertThat(partitions(assigned.get("stale"))).containsExactly(1);
    }

    @Test
    void readsTheGenerationFromUserDataWhenTheSubscriptionHasNoGenerationField() {
        JoinGroupMember oldProtocol = new JoinGroupMember("old", null, ByteBuffer.allocate(0), new MemberSubscription(
                List.of("orders"), assignor.subscriptionUserData(Set.of("orders"), 9),
                List.of(new PartitionAssignment("orders", List.of(0))), -1, null));

        Map<String, MemberAssignment> assigned = assignor.assign(Map.of("orders", 2),
                List.of(oldProtocol, owning("stale", 8, 0)));

        assertThat(partitions(assigned.get("old"))).containsExactly(0);
    }

    @Test
    void writesTheGenerationAsJavasAssignorDoes() {
        org.apache.kafka.clients.consumer.CooperativeStickyAssignor java = new org.apache.kafka.clients.consumer.CooperativeStickyAssignor();
        java.onAssignment(new Assignment(List.of()), new ConsumerGroupMetadata("group", 7, "member", Optional.empty()));

        assertThat(assignor.subscriptionUserData(Set.of("orders"), 7)).isEqualTo(java.subscriptionUserData(Set.of("orders")));
    }

    @Test
    void javasAssignorReadsOurGeneration() {
        org.apache.kafka.clients.consumer.CooperativeStickyAssignor java = new org.apache.kafka.clients.consumer.CooperativeStickyAssignor();
        Subscription ours = new Subscription(List.of("orders"), assignor.subscriptionUserData(Set.of("orders"), 12));

        java.assign(Cluster.empty(), new GroupSubscription(Map.of("member", ours)));

        assertThat(java.maxGeneration()).isEqualTo(12);
    }

    private static JoinGroupMember owning(String memberId, int generation, int... partitions) {
        return member(memberId, null, List.of("orders"),
                List.of(new PartitionAssignment("orders", Arrays.stream(partitions).boxed().toList())), generation);
    }

    private static List<Integer> partitions(MemberAssignment assignment) {
        return assignment.partitions().stream().flatMap(topic -> topic.partitions().stream()).toList();
    }
}
