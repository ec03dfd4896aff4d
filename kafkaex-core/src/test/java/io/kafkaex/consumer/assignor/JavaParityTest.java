package io.kafkaex.consumer.assignor;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.JoinGroupMember;
import io.kafkaex.client.MemberAssignment;
import io.kafkaex.consumer.assignor.AssignorFixtures.Case;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.junit.jupiter.api.Test;

/**
 * Our assignors against kafka-clients' assignors of the same name, on thousands of random groups: the assignments
 * must be identical, member for member.
 */
class JavaParityTest {

    private static final int CASES = 3000;

    @Test
    void rangeAssignsAsJava() {
        assertThat(parityFailuresOfJava(new RangeAssignor(), org.apache.kafka.clients.consumer.RangeAssignor::new, false, 1))
                .isZero();
    }

    @Test
    void roundRobinAssignsAsJava() {
        assertThat(parityFailuresOfJava(new RoundRobinAssignor(), org.apache.kafka.clients.consumer.RoundRobinAssignor::new,
                false, 2)).isZero();
    }

    @Test
    void cooperativeStickyAssignsAsJavaForNewGroups() {
        assertThat(parityFailuresOfJava(new CooperativeStickyAssignor(),
                org.apache.kafka.clients.consumer.CooperativeStickyAssignor::new, false, 3)).isZero();
    }

    /**
     * With owned partitions from several generations and conflicting claims. In about 1% of these random groups
     * (a partition's older-generation owner can neither take nor give up partitions) Java's assignor fails with a
     * NullPointerException; there ours must still hand out each partition at most once.
     */
    @Test
    void cooperativeStickyAssignsAsJavaWithOwnedPartitionsAndGenerations() {
        assertThat(parityFailuresOfJava(new CooperativeStickyAssignor(),
                org.apache.kafka.clients.consumer.CooperativeStickyAssignor::new, true, 4)).isLessThan(CASES / 50);
    }

    /**
     * Rebalance after rebalance: members own what the previous round assigned them (minus what the cooperative
     * rule held back), in the previous round's generation, while members join and leave.
     */
    @Test
    void cooperativeStickyAssignsAsJavaAcrossRebalances() {
        Random random = new Random(5);
        for (int group = 0; group < 300; group++) {
            Case round = AssignorFixtures.randomCase(random, false);
            for (int generation = 1; generation <= 6; generation++) {
                Map<String, MemberAssignment> assigned =
                        new CooperativeStickyAssignor().assign(round.partitionsPerTopic(), round.members());
                assertThat(JavaAssignorOracle.comparable(assigned)).as("group %d, generation %d: %s", group, generation, round)
                        .isEqualTo(JavaAssignorOracle.javaAssign(new org.apache.kafka.clients.consumer.CooperativeStickyAssignor(),
                                round.partitionsPerTopic(), round.members()));
                round = AssignorFixtures.nextRound(random, round, assigned, generation);
            }
        }
    }

    /** Asserts parity on random groups; returns in how many of them Java's assignor failed. */
    private static int parityFailuresOfJava(PartitionAssignor ours, Supplier<ConsumerPartitionAssignor> java,
            boolean owning, long seed) {
        Random random = new Random(seed);
        int javaFailures = 0;
        for (int i = 0; i < CASES; i++) {
            Case group = AssignorFixtures.randomCase(random, owning);
            Map<String, Set<String>> assigned =
                    JavaAssignorOracle.comparable(ours.assign(group.partitionsPerTopic(), group.members()));
            try {
                assertThat(assigned).as("case %d of seed %d: %s", i, seed, group)
                        .isEqualTo(JavaAssignorOracle.javaAssign(java.get(), group.partitionsPerTopic(), group.members()));
            } catch (NullPointerException javaFailed) {
                javaFailures++;
                assertValid(assigned, group.members());
            }
        }
        return javaFailures;
    }

    private static void assertValid(Map<String, Set<String>> assigned, List<JoinGroupMember> members) {
        assertThat(assigned).containsOnlyKeys(members.stream().map(JoinGroupMember::memberId).toList());
        Set<String> seen = new HashSet<>();
        assigned.values().forEach(partitions -> partitions.forEach(partition -> assertThat(seen.add(partition)).isTrue()));
    }
}
