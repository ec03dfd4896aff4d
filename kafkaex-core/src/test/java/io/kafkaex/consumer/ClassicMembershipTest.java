package io.kafkaex.consumer;

import io.kafkaex.client.JoinGroupMember;
import io.kafkaex.client.JoinGroupResult;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.MemberAssignment;
import io.kafkaex.client.MemberSubscription;
import io.kafkaex.client.PartitionAssignment;
import io.kafkaex.client.SyncGroupResult;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.assignor.PartitionAssignor;
import io.kafkaex.protocol.ConsumerProtocol;
import io.kafkaex.protocol.message.ConsumerProtocolAssignment;
import io.kafkaex.protocol.message.ConsumerProtocolSubscription;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.retry.Backoff;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.RebalanceEvent;
import io.kafkaex.telemetry.RebalanceReason;
import io.kafkaex.telemetry.Telemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The classic membership state machine against a scripted coordinator. */
class ClassicMembershipTest {

    private static final String GROUP = "g";
    private static final String TOPIC = "t";

    private final ScriptedGroupApi api = new ScriptedGroupApi();
    private final RecordingMembershipListener listener = new RecordingMembershipListener();
    private final List<RebalanceEvent> rebalances = new CopyOnWriteArrayList<>();
    private ClassicMembership membership;

    @AfterEach
    void tearDown() {
        if (membership != null) {
            membership.close();
        }
        api.close();
    }

    @Test
    void leaderAssignsWithTheChosenAssignorSyncsAndHeartbeats() {
        api.partitionCounts = Map.of(TOPIC, 2);
        api.joins.add(join -> joined(1, "m1", "m1", List.of(member("m1"))));
        api.syncs.add(sync -> synced(sync.assignments().get("m1")));
        start(options(eager()));

        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE);
        assertThat(listener.assigned).containsExactly(Set.of(tp(0), tp(1)));
        assertThat(membership.generation()).isEqualTo(new Generation(1, "m1", null));
        assertThat(api.syncCalls.get(0).protocolName()).isEqualTo("test-eager");
        JoinGroupMember offered = api.joinCalls.get(0).protocols().stream().findFirst()
                .map(p -> new JoinGroupMember("x", null, p.metadata(), null)).orElseThrow();
        assertThat(offered.metadata().remaining()).isPositive();
        Eventually.until(() -> api.heartbeatGenerations.size() >= 2);
        assertThat(api.heartbeatGenerations).allMatch(generation -> generation == 1);
    }

    @Test
    void rebalanceInProgressRevokesEverythingBeforeRejoiningWithTheSameMemberId() {
        api.partitionCounts = Map.of(TOPIC, 2);
        api.joins.add(join -> joined(1, "m1", "m1", List.of(member("m1"))));
        api.syncs.add(sync -> synced(sync.assignments().get("m1")));
        start(options(eager()));
        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE);

        api.heartbeatError = KafkaError.REBALANCE_IN_PROGRESS;
        Eventually.until(() -> api.joinCalls.size() == 2);
        api.heartbeatError = KafkaError.NONE;
        assertThat(listener.revoked).containsExactly(Set.of(tp(0), tp(1)));
        assertThat(listener.lost).isEmpty();
        assertThat(api.joinCalls.get(1).memberId()).isEqualTo("m1");
        assertThat(rebalances).extracting(RebalanceEvent::reason).containsExactly(RebalanceReason.REBALANCE_IN_PROGRESS);

        api.joins.add(join -> joined(2, "m1", "m1", List.of(member("m1"))));
        api.syncs.add(sync -> synced(sync.assignments().get("m1")));
        Eventually.until(() -> membership.generation().generationId() == 2 && membership.state() == GroupMembership.State.STABLE);
        assertThat(listener.assigned).hasSize(2);
    }

    @Test
    void unknownMemberIdLosesThePartitionsAndRejoinsWithoutAMemberId() {
        api.partitionCounts = Map.of(TOPIC, 1);
        api.joins.add(join -> joined(1, "m1", "m1", List.of(member("m1"))));
        api.syncs.add(sync -> synced(sync.assignments().get("m1")));
        start(options(eager()));
        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE);

        api.heartbeatError = KafkaError.UNKNOWN_MEMBER_ID;
        Eventually.until(() -> api.joinCalls.size() == 2);
        api.heartbeatError = KafkaError.NONE;
        assertThat(listener.lost).containsExactly(Set.of(tp(0)));
        assertThat(listener.revoked).isEmpty();
        assertThat(api.joinCalls.get(1).memberId()).isEmpty();
        assertThat(rebalances).extracting(RebalanceEvent::error).containsExactly(KafkaError.UNKNOWN_MEMBER_ID);
    }

    @Test
    void fencedInstanceIdEndsTheMembershipForGood() {
        api.partitionCounts = Map.of(TOPIC, 1);
        api.joins.add(join -> joined(1, "m1", "m1", List.of(member("m1"))));
        api.syncs.add(sync -> synced(sync.assignments().get("m1")));
        start(options(eager(), "instance-1"));
        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE);

        api.heartbeatError = KafkaError.FENCED_INSTANCE_ID;
        Eventually.until(() -> membership.state() == GroupMembership.State.FAILED);
        assertThat(listener.failures).singleElement().satisfies(error -> assertThat(error)
                .isInstanceOf(KafkaErrorException.class)
                .extracting(e -> ((KafkaErrorException) e).error()).isEqualTo(KafkaError.FENCED_INSTANCE_ID));
        assertThat(listener.lost).containsExactly(Set.of(tp(0)));
        assertThat(api.joinCalls).hasSize(1);
    }

    @Test
    void transientJoinErrorsAreRetriedWithBackoffUntilTheJoinSucceeds() {
        api.partitionCounts = Map.of(TOPIC, 1);
        api.joins.add(join -> ScriptedGroupApi.fail(KafkaError.COORDINATOR_NOT_AVAILABLE));
        api.joins.add(join -> ScriptedGroupApi.fail(KafkaError.COORDINATOR_LOAD_IN_PROGRESS));
        api.joins.add(join -> joined(1, "m1", "m1", List.of(member("m1"))));
        api.syncs.add(sync -> synced(sync.assignments().get("m1")));
        start(options(eager()));

        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE);
        assertThat(api.joinCalls).hasSize(3);
        assertThat(listener.failures).isEmpty();
    }

    @Test
    void anAuthorizationErrorOnJoinFailsAtOnce() {
        api.joins.add(join -> ScriptedGroupApi.fail(KafkaError.GROUP_AUTHORIZATION_FAILED));
        start(options(eager()));

        Eventually.until(() -> membership.state() == GroupMembership.State.FAILED);
        assertThat(listener.failures).singleElement().satisfies(error ->
                assertThat(error.getMessage()).contains("GROUP_AUTHORIZATION_FAILED"));
        assertThat(api.joinCalls).hasSize(1);
    }

    @Test
    void rebalanceInProgressOnSyncRejoinsAtOnce() {
        api.partitionCounts = Map.of(TOPIC, 1);
        api.joins.add(join -> joined(1, "m1", "m1", List.of(member("m1"))));
        api.syncs.add(sync -> ScriptedGroupApi.fail(KafkaError.REBALANCE_IN_PROGRESS));
        api.joins.add(join -> joined(2, "m1", "m1", List.of(member("m1"))));
        api.syncs.add(sync -> synced(sync.assignments().get("m1")));
        start(options(eager()));

        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE);
        assertThat(membership.generation().generationId()).isEqualTo(2);
        assertThat(listener.assigned).containsExactly(Set.of(tp(0)));
    }

    @Test
    void closeRevokesThenLeavesADynamicMember() {
        api.partitionCounts = Map.of(TOPIC, 1);
        api.joins.add(join -> joined(1, "m1", "m1", List.of(member("m1"))));
        api.syncs.add(sync -> synced(sync.assignments().get("m1")));
        start(options(eager()));
        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE);

        membership.close();
        assertThat(listener.revoked).containsExactly(Set.of(tp(0)));
        assertThat(api.leaves).containsExactly("m1");
        assertThat(membership.state()).isEqualTo(GroupMembership.State.CLOSED);
    }

    @Test
    void aStaticMemberDoesNotLeaveOnClose() {
        api.partitionCounts = Map.of(TOPIC, 1);
        api.joins.add(join -> joined(1, "m1", "m1", List.of(member("m1"))));
        api.syncs.add(sync -> synced(sync.assignments().get("m1")));
        start(options(eager(), "instance-1"));
        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE);

        membership.close();
        assertThat(listener.revoked).containsExactly(Set.of(tp(0)));
        assertThat(api.leaves).isEmpty();
        assertThat(api.joinCalls.get(0).groupInstanceId()).isEqualTo("instance-1");
    }

    @Test
    void cooperativeMemberRevokesOnlyWhatMovesThenRejoinsOnceMore() {
        api.partitionCounts = Map.of(TOPIC, 3);
        api.joins.add(join -> joined(1, "m1", "other", List.of()));
        api.syncs.add(sync -> synced(MemberAssignment.of(List.of(new PartitionAssignment(TOPIC, List.of(0, 1))))));
        start(options(cooperative()));
        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE);

        api.heartbeatError = KafkaError.REBALANCE_IN_PROGRESS;
        Eventually.until(() -> api.joinCalls.size() == 2);
        api.heartbeatError = KafkaError.NONE;
        assertThat(listener.revoked).as("nothing is revoked before a cooperative rejoin").isEmpty();
        MemberSubscription sent = subscriptionOf(api.joinCalls.get(1));
        assertThat(sent.ownedPartitions()).containsExactly(new PartitionAssignment(TOPIC, List.of(0, 1)));
        assertThat(sent.generationId()).isEqualTo(1);

        api.joins.add(join -> joined(2, "m1", "other", List.of()));
        api.syncs.add(sync -> synced(MemberAssignment.of(List.of(new PartitionAssignment(TOPIC, List.of(1, 2))))));
        Eventually.until(() -> api.joinCalls.size() == 3);
        assertThat(listener.revoked).containsExactly(Set.of(tp(0)));
        assertThat(listener.assigned).containsExactly(Set.of(tp(0), tp(1)), Set.of(tp(2)));
        assertThat(rebalances).extracting(RebalanceEvent::reason)
                .containsExactly(RebalanceReason.REBALANCE_IN_PROGRESS, RebalanceReason.REVOCATION_FOLLOW_UP);
    }

    @Test
    void heartbeatsFailingForASessionTimeoutLoseThePartitionsAndRejoin() {
        api.partitionCounts = Map.of(TOPIC, 1);
        api.joins.add(join -> joined(1, "m1", "m1", List.of(member("m1"))));
        api.syncs.add(sync -> synced(sync.assignments().get("m1")));
        start(options(eager()));
        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE);

        api.heartbeatError = KafkaError.COORDINATOR_NOT_AVAILABLE;
        Eventually.until(() -> api.joinCalls.size() == 2);
        assertThat(listener.lost).containsExactly(Set.of(tp(0)));
        assertThat(rebalances).extracting(RebalanceEvent::reason).containsExactly(RebalanceReason.HEARTBEAT_TIMEOUT);
    }

    // --- fixtures ---

    private void start(ConsumerGroupOptions options) {
        Telemetry telemetry = Telemetry.of(List.of(new KafkaExTelemetryListener() {
            @Override
            public void onConsumerRebalance(RebalanceEvent event) {
                rebalances.add(event);
            }
        }));
        membership = new ClassicMembership(options, api, listener, telemetry, Duration.ofMinutes(5), Duration.ofSeconds(2));
        membership.start();
    }

    private static ConsumerGroupOptions options(PartitionAssignor assignor) {
        return options(assignor, null);
    }

    private static ConsumerGroupOptions options(PartitionAssignor assignor, String groupInstanceId) {
        return ConsumerGroupOptions.builder(KafkaExClientOptions.builder().bootstrapServers("localhost:9092").build(),
                        GROUP, List.of(TOPIC))
                .groupInstanceId(groupInstanceId)
                .assignors(List.of(assignor))
                .sessionTimeout(Duration.ofMillis(600))
                .heartbeatInterval(Duration.ofMillis(50))
                .joinBackoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(20)))
                .build();
    }

    private static PartitionAssignor eager() {
        return new OnePartitionEachAssignor("test-eager", PartitionAssignor.RebalanceProtocol.EAGER);
    }

    private static PartitionAssignor cooperative() {
        return new OnePartitionEachAssignor("test-cooperative", PartitionAssignor.RebalanceProtocol.COOPERATIVE);
    }

    private static TopicPartition tp(int partition) {
        return new TopicPartition(TOPIC, partition);
    }

    private static JoinGroupMember member(String id) {
        MemberSubscription subscription = new MemberSubscription(List.of(TOPIC), null, List.of(), -1, null);
        return new JoinGroupMember(id, null, ByteBuffer.allocate(0), subscription);
    }

    private static CompletableFuture<JoinGroupResult> joined(int generation, String memberId, String leaderId,
            List<JoinGroupMember> members) {
        String protocolName = leaderId.equals(memberId) ? "test-eager" : "test-cooperative";
        return CompletableFuture.completedFuture(new JoinGroupResult(generation, ConsumerProtocol.PROTOCOL_TYPE,
                protocolName, leaderId, memberId, members, false));
    }

    /** The leader's own assignment as the coordinator hands it back. */
    private static CompletableFuture<SyncGroupResult> synced(ByteBuffer payload) {
        ConsumerProtocolAssignment decoded = ConsumerProtocol.deserializeAssignment(payload);
        return synced(MemberAssignment.of(decoded.assignedPartitions().stream()
                .map(topic -> new PartitionAssignment(topic.topic(), topic.partitions())).toList()));
    }

    private static CompletableFuture<SyncGroupResult> synced(MemberAssignment assignment) {
        return CompletableFuture.completedFuture(new SyncGroupResult(ByteBuffer.allocate(0), assignment));
    }

    private static MemberSubscription subscriptionOf(io.kafkaex.client.JoinGroupOptions join) {
        ConsumerProtocolSubscription decoded = ConsumerProtocol.deserializeSubscription(join.protocols().get(0).metadata());
        return new MemberSubscription(decoded.topics(), decoded.userData(), decoded.ownedPartitions().stream()
                .map(owned -> new PartitionAssignment(owned.topic(), owned.partitions())).toList(),
                decoded.generationId(), decoded.rackId());
    }

    /** Gives every member all partitions of every topic in the first member's name order (one member in tests). */
    private record OnePartitionEachAssignor(String name, RebalanceProtocol rebalanceProtocol) implements PartitionAssignor {
        @Override
        public Map<String, MemberAssignment> assign(Map<String, Integer> partitionsPerTopic, List<JoinGroupMember> members) {
            Map<String, MemberAssignment> result = new LinkedHashMap<>();
            for (JoinGroupMember member : members) {
                List<PartitionAssignment> topics = new ArrayList<>();
                partitionsPerTopic.forEach((topic, count) -> {
                    List<Integer> numbers = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        numbers.add(i);
                    }
                    topics.add(new PartitionAssignment(topic, numbers));
                });
                result.put(member.memberId(), MemberAssignment.of(topics));
            }
            return result;
        }
    }
}
