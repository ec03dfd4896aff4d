package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafkaex.cluster.CoordinatorType;
import io.kafkaex.cluster.Node;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaGroupMembershipException;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The low-level group calls against a real broker: join, sync, heartbeat, describe, list, delete and leave. */
@KafkaExBroker
class GroupsIT {

    @Test
    void oneMemberJoinsSyncsHeartbeatsAndLeaves(KafkaTestCluster cluster) {
        String topic = "groups-it-single";
        String group = "groups-it-single-group";
        cluster.createTopic(topic, 3, 1);
        try (KafkaExClient client = CommittedOffsetsIT.client(cluster, "groups-it")) {
            assertThat(client.apiVersionsSync().range(ApiKey.JOIN_GROUP).orElseThrow().max())
                    .as("the broker answers a first join with MEMBER_ID_REQUIRED").isGreaterThanOrEqualTo((short) 4);
            Node coordinator = client.findCoordinatorSync(CoordinatorType.GROUP, group);
            assertThat(coordinator.port()).isEqualTo(Integer.parseInt(cluster.bootstrapServers().split(":")[1]));

            JoinGroupResult joined = client.joinGroupSync(JoinGroupOptions.consumer(group, List.of(topic)));
            assertThat(joined.memberId()).as("the id MEMBER_ID_REQUIRED gave").isNotEmpty();
            assertThat(joined.isLeader()).isTrue();
            assertThat(joined.generationId()).isPositive();
            assertThat(joined.protocolName()).isEqualTo(GroupProtocol.RANGE);
            assertThat(joined.members()).singleElement().satisfies(member -> {
                assertThat(member.memberId()).isEqualTo(joined.memberId());
                assertThat(member.subscription().topics()).containsExactly(topic);
            });

            SyncGroupResult synced = client.syncGroupSync(SyncGroupOptions.after(group, joined,
                    Map.of(joined.memberId(), MemberAssignment.of(List.of(new PartitionAssignment(topic, List.of(0, 1, 2)))))));
            assertThat(synced.assignment().partitions()).containsExactly(new PartitionAssignment(topic, List.of(0, 1, 2)));
            assertThat(synced.rawAssignment().remaining()).isPositive();

            client.heartbeatSync(group, joined.memberId(), joined.generationId());
            assertThatThrownBy(() -> client.heartbeatSync(group, joined.memberId(), joined.generationId() + 1))
                    .isInstanceOfSatisfying(KafkaGroupMembershipException.class,
                            error -> assertThat(error.error()).isEqualTo(KafkaError.ILLEGAL_GENERATION));
            assertThatThrownBy(() -> client.commitOffsetSync(group, topic, List.of(PartitionCommit.of(0, 3)),
                    CommitOptions.member(joined.generationId() + 1, joined.memberId())))
                    .isInstanceOfSatisfying(KafkaGroupMembershipException.class,
                            error -> assertThat(error.error()).isEqualTo(KafkaError.ILLEGAL_GENERATION));
            assertThat(client.commitOffsetSync(group, topic, List.of(PartitionCommit.of(0, 3)),
                    CommitOptions.member(joined.generationId(), joined.memberId()))).extracting(CommitResult::error)
                    .containsExactly(KafkaError.NONE);

            ConsumerGroupDescription stable = client.describeGroupSync(group);
            assertThat(stable.error()).isEqualTo(KafkaError.NONE);
            assertThat(stable.isStable()).isTrue();
            assertThat(stable.protocolType()).isEqualTo("consumer");
            assertThat(stable.protocol()).isEqualTo(GroupProtocol.RANGE);
            assertThat(stable.members()).singleElement().satisfies(member -> {
                assertThat(member.memberId()).isEqualTo(joined.memberId());
                assertThat(member.clientId()).isEqualTo("groups-it");
                assertThat(member.clientHost()).isNotEmpty();
                assertThat(member.subscription().topics()).containsExactly(topic);
                assertThat(member.assignment().partitions()).containsExactly(new PartitionAssignment(topic, List.of(0, 1, 2)));
            });
            assertThat(client.listGroupsSync()).filteredOn(listed -> listed.groupId().equals(group)).singleElement()
                    .satisfies(listed -> {
                        assertThat(listed.protocolType()).isEqualTo("consumer");
                        assertThat(listed.state()).isEqualTo("Stable");
                    });
            assertThat(client.deleteGroupsSync(List.of(group))).singleElement()
                    .satisfies(result -> assertThat(result.error()).isEqualTo(KafkaError.NON_EMPTY_GROUP));

            client.leaveGroupSync(group, joined.memberId());
            ConsumerGroupDescription empty = client.describeGroupSync(group);
            assertThat(empty.state()).isEqualTo("Empty");
            assertThat(empty.members()).isEmpty();
            assertThatThrownBy(() -> client.heartbeatSync(group, joined.memberId(), joined.generationId()))
                    .isInstanceOf(KafkaGroupMembershipException.class);

            assertThat(client.deleteGroupsSync(List.of("groups-it-never-existed", group)))
                    .extracting(GroupResult::groupId, GroupResult::error)
                    .containsExactly(tuple("groups-it-never-existed", KafkaError.GROUP_ID_NOT_FOUND),
                            tuple(group, KafkaError.NONE));
            assertThat(client.listGroupsSync()).extracting(GroupListing::groupId).doesNotContain(group);
        }
    }

    @Test
    void aSecondMemberJoinsAndTheLeaderSplitsThePartitions(KafkaTestCluster cluster) throws Exception {
        String topic = "groups-it-pair";
        String group = "groups-it-pair-group";
        cluster.createTopic(topic, 4, 1);
        try (KafkaExClient first = CommittedOffsetsIT.client(cluster, "groups-it");
                KafkaExClient second = CommittedOffsetsIT.client(cluster, "groups-it")) {
            JoinGroupResult alone = first.joinGroupSync(JoinGroupOptions.consumer(group, List.of(topic)));
            first.syncGroupSync(SyncGroupOptions.after(group, alone,
                    Map.of(alone.memberId(), MemberAssignment.of(List.of(new PartitionAssignment(topic, List.of(0, 1, 2, 3)))))));

            CompletableFuture<JoinGroupResult> secondJoin = second.joinGroup(JoinGroupOptions.consumer(group, List.of(topic)));
            awaitRebalance(first, group, alone);
            JoinGroupResult firstAgain = first.joinGroupSync(JoinGroupOptions.consumer(group, List.of(topic))
                    .withMemberId(alone.memberId()));
            JoinGroupResult secondJoined = secondJoin.get(30, TimeUnit.SECONDS);

            assertThat(secondJoined.memberId()).as("the id MEMBER_ID_REQUIRED gave").isNotEmpty().isNotEqualTo(alone.memberId());
            assertThat(firstAgain.generationId()).isEqualTo(secondJoined.generationId()).isGreaterThan(alone.generationId());
            assertThat(List.of(firstAgain.isLeader(), secondJoined.isLeader())).containsExactlyInAnyOrder(true, false);
            JoinGroupResult leader = firstAgain.isLeader() ? firstAgain : secondJoined;
            JoinGroupResult follower = firstAgain.isLeader() ? secondJoined : firstAgain;
            KafkaExClient leaderClient = leader == firstAgain ? first : second;
            KafkaExClient followerClient = leader == firstAgain ? second : first;
            assertThat(leader.members()).extracting(JoinGroupMember::memberId)
                    .containsExactlyInAnyOrder(firstAgain.memberId(), secondJoined.memberId());
            assertThat(follower.members()).isEmpty();

            PartitionAssignment leaderPart = new PartitionAssignment(topic, List.of(0, 1));
            PartitionAssignment followerPart = new PartitionAssignment(topic, List.of(2, 3));
            CompletableFuture<SyncGroupResult> followerSync = followerClient.syncGroup(
                    SyncGroupOptions.after(group, follower, Map.of()));
            SyncGroupResult leaderSync = leaderClient.syncGroupSync(SyncGroupOptions.after(group, leader, Map.of(
                    leader.memberId(), MemberAssignment.of(List.of(leaderPart)),
                    follower.memberId(), MemberAssignment.of(List.of(followerPart)))));
            assertThat(leaderSync.assignment().partitions()).containsExactly(leaderPart);
            assertThat(followerSync.get(30, TimeUnit.SECONDS).assignment().partitions()).containsExactly(followerPart);

            ConsumerGroupDescription described = first.describeGroupSync(group);
            assertThat(described.isStable()).isTrue();
            assertThat(described.members()).hasSize(2).allSatisfy(member -> assertThat(member.assignment().partitions())
                    .containsExactly(member.memberId().equals(leader.memberId()) ? leaderPart : followerPart));

            assertThat(first.describeGroups(List.of("groups-it-pair-unknown", group)).get(30, TimeUnit.SECONDS))
                    .extracting(ConsumerGroupDescription::groupId).containsExactly("groups-it-pair-unknown", group);

            followerClient.leaveGroupSync(group, follower.memberId());
            leaderClient.leaveGroupSync(group, leader.memberId());
            assertThat(first.describeGroupSync(group).state()).isEqualTo("Empty");
        }
    }

    /** The member learns of the rebalance the second member's join started from its heartbeat. */
    private static void awaitRebalance(KafkaExClient client, String group, JoinGroupResult member) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                client.heartbeatSync(group, member.memberId(), member.generationId());
            } catch (KafkaGroupMembershipException e) {
                assertThat(e.error()).isEqualTo(KafkaError.REBALANCE_IN_PROGRESS);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No REBALANCE_IN_PROGRESS within 30 s");
    }
}
