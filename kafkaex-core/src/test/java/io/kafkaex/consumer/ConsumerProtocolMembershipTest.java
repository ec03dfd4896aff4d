package io.kafkaex.consumer;

import io.kafkaex.client.ConsumerGroupHeartbeatOptions;
import io.kafkaex.client.ConsumerGroupHeartbeatResult;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.TopicIdPartitions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.network.NoCommonVersionException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.error.KafkaUnsupportedVersionException;
import io.kafkaex.retry.Backoff;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.RebalanceEvent;
import io.kafkaex.telemetry.RebalanceReason;
import io.kafkaex.telemetry.Telemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.kafkaex.consumer.ScriptedConsumerProtocolApi.answer;
import static io.kafkaex.consumer.ScriptedConsumerProtocolApi.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** The KIP-848 membership state machine against a scripted coordinator. */
class ConsumerProtocolMembershipTest {

    private static final String GROUP = "g";
    private static final String TOPIC = "t";
    private static final UUID TOPIC_ID = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final ScriptedConsumerProtocolApi api = new ScriptedConsumerProtocolApi(log);
    private final RecordingMembershipListener listener = new RecordingMembershipListener(log);
    private final List<RebalanceEvent> rebalances = new CopyOnWriteArrayList<>();
    private ConsumerProtocolMembership membership;

    @AfterEach
    void tearDown() {
        if (membership != null) {
            membership.close();
        }
    }

    @Test
    void joinsWithEpochZeroReconcilesTheAssignmentAndAcknowledgesItAtOnce() {
        api.topicIds = Map.of(TOPIC, TOPIC_ID);
        api.answers.add(answer(1, assignment(0, 1)));
        start(options().rackId("rack-a").serverAssignor("range").build());

        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE && listener.assigned.size() == 1);
        assertThat(membership.owned()).containsExactlyInAnyOrder(tp(0), tp(1));
        ConsumerGroupHeartbeatOptions join = api.beats.get(0);
        assertThat(join.memberEpoch()).isZero();
        assertThat(join.memberId()).as("the member's own id (KIP-1082)").hasSize(22);
        assertThat(join.subscribedTopicNames()).containsExactly(TOPIC);
        assertThat(join.topicPartitions()).isEmpty();
        assertThat(join.rebalanceTimeoutMs()).isEqualTo(6_000);
        assertThat(join.rackId()).isEqualTo("rack-a");
        assertThat(join.serverAssignor()).isEqualTo("range");
        assertThat(log.subList(0, 3)).containsExactly("beat 0 []", "beat 1 [t-0, t-1]", "assigned [t-0, t-1]");
        assertThat(listener.assignedGenerations).containsExactly(new Generation(1, join.memberId(), null));
        assertThat(membership.generation()).isEqualTo(new Generation(1, join.memberId(), null));

        Eventually.until(() -> api.beats(1).size() >= 3);
        assertThat(api.beats).allMatch(beat -> beat.memberId().equals(join.memberId()));
        assertThat(rebalances).extracting(RebalanceEvent::reason).containsExactly(RebalanceReason.ASSIGNMENT_CHANGED);
    }

    @Test
    void aMemberIdTheCoordinatorAnswersWithIsKept() {
        api.topicIds = Map.of(TOPIC, TOPIC_ID);
        api.answers.add(beat -> CompletableFuture.completedFuture(new ConsumerGroupHeartbeatResult("given-by-v0", 1,
                ScriptedConsumerProtocolApi.INTERVAL_MS, assignment(0))));
        start(options().build());

        Eventually.until(() -> api.beats(1).size() >= 2);
        assertThat(api.beats(1)).allMatch(beat -> beat.memberId().equals("given-by-v0"));
        assertThat(membership.generation().memberId()).isEqualTo("given-by-v0");
    }

    @Test
    void revokedPartitionsAreCommittedBeforeTheAcknowledgementAndNewOnesStartAfterIt() {
        api.topicIds = Map.of(TOPIC, TOPIC_ID);
        api.answers.add(answer(1, assignment(0, 1)));
        api.answers.add(answer(2, assignment(1, 2)));
        start(options().build());

        Eventually.until(() -> listener.assigned.size() == 2);
        assertThat(log.subList(0, 6)).containsExactly("beat 0 []", "beat 1 [t-0, t-1]", "assigned [t-0, t-1]",
                "revoked [t-0]", "beat 2 [t-1, t-2]", "assigned [t-2]");
        assertThat(membership.owned()).containsExactlyInAnyOrder(tp(1), tp(2));
        assertThat(listener.assignedGenerations.get(1).generationId()).isEqualTo(2);
        assertThat(listener.lost).isEmpty();
        assertThat(rebalances).extracting(RebalanceEvent::generationId).containsExactly(1, 2);
    }

    @Test
    void partitionsOfATopicIdTheMetadataDoesNotKnowYetStartOnceItDoes() {
        UUID newTopic = UUID.randomUUID();
        api.topicIds = Map.of(TOPIC, TOPIC_ID);
        api.answers.add(answer(1, List.of(new TopicIdPartitions(TOPIC_ID, List.of(0)),
                new TopicIdPartitions(newTopic, List.of(0)))));
        start(options().build());
        Eventually.until(() -> listener.assigned.size() == 1);
        assertThat(listener.assigned.get(0)).containsExactly(tp(0));

        api.topicIds = Map.of(TOPIC, TOPIC_ID, "new", newTopic);
        Eventually.until(() -> listener.assigned.size() == 2);
        assertThat(listener.assigned.get(1)).containsExactly(new TopicPartition("new", 0));
        assertThat(membership.owned()).containsExactlyInAnyOrder(tp(0), new TopicPartition("new", 0));
    }

    @ParameterizedTest
    @EnumSource(value = KafkaError.class, names = {"FENCED_MEMBER_EPOCH", "UNKNOWN_MEMBER_ID"})
    void aFencedMemberLosesItsPartitionsAndRejoinsWithEpochZeroAndTheSameMemberId(KafkaError error) {
        api.topicIds = Map.of(TOPIC, TOPIC_ID);
        api.answers.add(answer(1, assignment(0)));
        api.answers.add(failure(KafkaErrorExceptions.of(error, "scripted")));
        api.answers.add(answer(3, assignment(0)));
        start(options().build());

        Eventually.until(() -> listener.assigned.size() == 2);
        assertThat(listener.lost).containsExactly(Set.of(tp(0)));
        assertThat(listener.revoked).isEmpty();
        assertThat(api.beats(0)).hasSize(2).allMatch(beat -> beat.memberId().equals(api.beats.get(0).memberId()))
                .allMatch(beat -> beat.topicPartitions().isEmpty());
        assertThat(log).containsSubsequence("lost [t-0]", "beat 0 []", "beat 3 [t-0]", "assigned [t-0]");
        assertThat(rebalances).filteredOn(event -> event.reason() == RebalanceReason.HEARTBEAT_ERROR)
                .extracting(RebalanceEvent::error).containsExactly(error);
        assertThat(membership.state()).isEqualTo(GroupMembership.State.STABLE);
    }

    @Test
    void aBrokerWithoutConsumerGroupHeartbeatEndsTheMembershipSayingToUseClassic() {
        api.answers.add(failure(new NoCommonVersionException("The broker does not offer ConsumerGroupHeartbeat (API key 68)")));
        start(options().build());

        Eventually.until(() -> !listener.failures.isEmpty());
        assertThat(membership.state()).isEqualTo(GroupMembership.State.FAILED);
        assertThat(listener.failures).singleElement().isInstanceOf(KafkaUnsupportedVersionException.class)
                .satisfies(error -> assertThat(error.getMessage())
                        .contains("the broker does not support group.protocol=consumer", "GroupProtocolType.CLASSIC",
                                "API key 68"));
        assertThat(api.beats).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = KafkaError.class, names = {"UNSUPPORTED_VERSION", "UNRELEASED_INSTANCE_ID", "FENCED_INSTANCE_ID",
            "GROUP_AUTHORIZATION_FAILED", "UNSUPPORTED_ASSIGNOR"})
    void errorsNoRejoinCanFixEndTheMembershipForGood(KafkaError error) {
        api.topicIds = Map.of(TOPIC, TOPIC_ID);
        api.answers.add(answer(1, assignment(0)));
        api.answers.add(failure(KafkaErrorExceptions.of(error, "scripted")));
        start(options().groupInstanceId("instance-1").build());

        Eventually.until(() -> !listener.failures.isEmpty());
        assertThat(membership.state()).isEqualTo(GroupMembership.State.FAILED);
        assertThat(listener.lost).containsExactly(Set.of(tp(0)));
        assertThat(listener.failures).singleElement().isInstanceOfSatisfying(KafkaErrorException.class,
                failure -> assertThat(failure.error()).isEqualTo(error));
        if (error == KafkaError.UNSUPPORTED_VERSION) {
            assertThat(listener.failures.get(0).getMessage()).contains("GroupProtocolType.CLASSIC");
        }
        int beats = api.beats.size();
        assertThat(api.beats(0)).as("no rejoin").hasSize(1);
        membership.close();
        assertThat(api.beats).as("a failed member does not leave").hasSize(beats);
    }

    @Test
    void transientErrorsWhileJoiningAreRetriedWithTheJoinBackoff() {
        api.topicIds = Map.of(TOPIC, TOPIC_ID);
        api.answers.add(failure(KafkaErrorExceptions.of(KafkaError.COORDINATOR_NOT_AVAILABLE, "scripted")));
        api.answers.add(failure(KafkaErrorExceptions.of(KafkaError.COORDINATOR_LOAD_IN_PROGRESS, "scripted")));
        api.answers.add(answer(1, assignment(0)));
        start(options().build());

        Eventually.until(() -> membership.state() == GroupMembership.State.STABLE && listener.assigned.size() == 1);
        assertThat(api.beats(0)).hasSize(3);
        assertThat(listener.failures).isEmpty();
    }

    @Test
    void aDynamicMemberRevokesThenLeavesWithEpochMinusOne() {
        api.topicIds = Map.of(TOPIC, TOPIC_ID);
        api.answers.add(answer(1, assignment(0)));
        start(options().build());
        Eventually.until(() -> listener.assigned.size() == 1);

        membership.close();

        assertThat(membership.state()).isEqualTo(GroupMembership.State.CLOSED);
        assertThat(log).endsWith("revoked [t-0]", "beat -1 []");
        ConsumerGroupHeartbeatOptions leave = api.beats.get(api.beats.size() - 1);
        assertThat(leave.memberId()).isEqualTo(api.beats.get(0).memberId());
        assertThat(leave.instanceId()).isNull();
    }

    @Test
    void aStaticMemberLeavesWithEpochMinusTwoSoItKeepsItsAssignment() {
        api.topicIds = Map.of(TOPIC, TOPIC_ID);
        api.answers.add(answer(1, assignment(0)));
        start(options().groupInstanceId("instance-1").build());
        Eventually.until(() -> listener.assigned.size() == 1);
        assertThat(api.beats).allMatch(beat -> "instance-1".equals(beat.instanceId()));

        membership.close();

        assertThat(log).endsWith("revoked [t-0]", "beat -2 []");
        assertThat(api.beats.get(api.beats.size() - 1).instanceId()).isEqualTo("instance-1");
    }

    @Test
    void aMemberClosedBeforeItJoinedDoesNotLeave() {
        start(options().build()); // the join is never answered

        Eventually.until(() -> api.beats.size() == 1);
        membership.close();

        assertThat(membership.state()).isEqualTo(GroupMembership.State.CLOSED);
        assertThat(api.beats).hasSize(1);
    }

    // --- fixtures ---

    private void start(ConsumerGroupOptions options) {
        Telemetry telemetry = Telemetry.of(List.of(new KafkaExTelemetryListener() {
            @Override
            public void onConsumerRebalance(RebalanceEvent event) {
                rebalances.add(event);
            }
        }));
        membership = new ConsumerProtocolMembership(options, api, listener, telemetry, Duration.ofSeconds(2));
        membership.start();
    }

    private static ConsumerGroupOptions.Builder options() {
        return ConsumerGroupOptions.builder(KafkaExClientOptions.builder().bootstrapServers("localhost:9092").build(),
                        GROUP, List.of(TOPIC))
                .groupProtocol(GroupProtocolType.CONSUMER)
                .sessionTimeout(Duration.ofSeconds(2))
                .rebalanceTimeout(Duration.ofSeconds(6))
                .heartbeatInterval(Duration.ofMillis(50))
                .joinBackoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(20)));
    }

    private static List<TopicIdPartitions> assignment(Integer... partitions) {
        return List.of(new TopicIdPartitions(TOPIC_ID, List.of(partitions)));
    }

    private static TopicPartition tp(int partition) {
        return new TopicPartition(TOPIC, partition);
    }
}
