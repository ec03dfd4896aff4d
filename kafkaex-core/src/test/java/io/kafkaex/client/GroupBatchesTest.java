package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafkaex.cluster.CoordinatorType;
import io.kafkaex.cluster.Node;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.DescribeGroupsResponse;
import io.kafkaex.retry.Backoff;
import io.kafkaex.retry.RetryPolicy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Calls about several groups: one request per coordinator, transient errors asked again, results in request order
 * with each group's error kept (kafka_ex's bugs #16 and #17), and DescribeGroups responses decoded.
 */
class GroupBatchesTest {

    private static final Node ONE = new Node(1, "broker-1", 9092, null);
    private static final Node TWO = new Node(2, "broker-2", 9092, null);

    private final List<String> requests = new ArrayList<>();
    private final List<String> forgotten = new ArrayList<>();
    private Map<String, KafkaError> firstAnswers = new HashMap<>();

    @Test
    void groupsGoToTheirCoordinatorsAndComeBackInRequestOrder() {
        Map<String, Node> coordinators = Map.of("a", ONE, "b", TWO, "c", ONE);
        List<ConsumerGroupDescription> described = batches(coordinators, Map.of()).run(List.of("c", "b", "a", "c"),
                this::describe, ConsumerGroupDescription::error, ConsumerGroupDescription::failed).join();

        assertThat(described).extracting(ConsumerGroupDescription::groupId).containsExactly("c", "b", "a", "c");
        assertThat(requests).containsExactlyInAnyOrder("broker-1 [c, a]", "broker-2 [b]");
    }

    @Test
    void aGroupWithATransientErrorIsAskedAgainAndOtherErrorsAreKept() {
        Map<String, Node> coordinators = Map.of("moved", ONE, "missing", ONE, "fine", TWO);
        Map<String, KafkaError> answers = Map.of("moved", KafkaError.NOT_COORDINATOR, "missing", KafkaError.GROUP_ID_NOT_FOUND);
        List<ConsumerGroupDescription> described = batches(coordinators, answers).run(List.of("missing", "moved", "fine"),
                this::describe, ConsumerGroupDescription::error, ConsumerGroupDescription::failed).join();

        assertThat(described).extracting(ConsumerGroupDescription::groupId, ConsumerGroupDescription::error)
                .containsExactly(tuple("missing", KafkaError.GROUP_ID_NOT_FOUND), tuple("moved", KafkaError.NONE),
                        tuple("fine", KafkaError.NONE));
        assertThat(forgotten).containsExactly("moved NOT_COORDINATOR");
        assertThat(requests).hasSize(3).last().isEqualTo("broker-1 [moved]");
    }

    @Test
    void aGroupWhoseCoordinatorCannotBeFoundGetsTheLookupError() {
        List<GroupResult> results = batches(Map.of("b", ONE), Map.of()).run(List.of("a", "b"),
                (coordinator, groups) -> {
                    Map<String, GroupResult> answers = new HashMap<>();
                    groups.forEach(group -> answers.put(group, new GroupResult(group, KafkaError.NONE, null)));
                    return CompletableFuture.completedFuture(answers);
                }, GroupResult::error, GroupResult::new).join();

        assertThat(results).extracting(GroupResult::groupId, GroupResult::error)
                .containsExactly(tuple("a", KafkaError.GROUP_AUTHORIZATION_FAILED), tuple("b", KafkaError.NONE));
    }

    @Test
    void describedMembersOfConsumerGroupsAreDecodedAndOthersKeptRaw() {
        ByteBuffer subscription = ConsumerPayloads.subscription(List.of("orders"));
        ByteBuffer assignment = ConsumerPayloads.assignment(MemberAssignment.of(List.of(new PartitionAssignment("orders", List.of(1)))));
        DescribeGroupsResponse response = new DescribeGroupsResponse().setGroups(List.of(
                new DescribeGroupsResponse.DescribedGroup().setGroupId("consumers").setGroupState("Stable").setProtocolType("consumer")
                        .setProtocolData("range").setMembers(List.of(member("m-1", subscription, assignment),
                                member("m-2", subscription, ByteBuffer.allocate(0)))),
                new DescribeGroupsResponse.DescribedGroup().setGroupId("connect").setGroupState("Stable").setProtocolType("connect")
                        .setMembers(List.of(member("w-1", ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {2})))),
                new DescribeGroupsResponse.DescribedGroup().setGroupId("gone").setErrorCode(KafkaError.GROUP_ID_NOT_FOUND.code())
                        .setErrorMessage("no such group")));

        Map<String, ConsumerGroupDescription> described = GroupDescriber.descriptions(response);

        assertThat(described.get("consumers").members()).satisfiesExactly(
                member -> {
                    assertThat(member.subscription().topics()).containsExactly("orders");
                    assertThat(member.assignment().partitions()).containsExactly(new PartitionAssignment("orders", List.of(1)));
                },
                member -> assertThat(member.assignment()).as("not stable yet: no assignment").isNull());
        assertThat(described.get("connect").members()).singleElement().satisfies(member -> {
            assertThat(member.subscription()).isNull();
            assertThat(member.rawAssignment()).isEqualTo(ByteBuffer.wrap(new byte[] {2}));
        });
        assertThat(described.get("gone").error()).isEqualTo(KafkaError.GROUP_ID_NOT_FOUND);
        assertThat(described.get("gone").errorMessage()).isEqualTo("no such group");
    }

    private CompletableFuture<Map<String, ConsumerGroupDescription>> describe(InetSocketAddress coordinator, List<String> groups) {
        requests.add(coordinator.getHostString() + " " + groups);
        DescribeGroupsResponse response = new DescribeGroupsResponse().setGroups(groups.stream().map(group -> {
            KafkaError error = firstAnswers.remove(group);
            return new DescribeGroupsResponse.DescribedGroup().setGroupId(group).setGroupState("Empty")
                    .setErrorCode((error == null ? KafkaError.NONE : error).code());
        }).toList());
        return CompletableFuture.completedFuture(GroupDescriber.descriptions(response));
    }

    private GroupBatches batches(Map<String, Node> coordinators, Map<String, KafkaError> answers) {
        firstAnswers = new HashMap<>(answers);
        CoordinatorCalls.Locator locator = new CoordinatorCalls.Locator() {
            @Override
            public CompletableFuture<Node> find(CoordinatorType type, String key) {
                Node node = coordinators.get(key);
                return node != null ? CompletableFuture.completedFuture(node)
                        : CompletableFuture.failedFuture(KafkaErrorExceptions.of(KafkaError.GROUP_AUTHORIZATION_FAILED, null));
            }

            @Override
            public void invalidate(CoordinatorType type, String key, KafkaError error) {
                forgotten.add(key + " " + error);
            }
        };
        RetryPolicy policy = RetryPolicy.forCommit().withBackoff(Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(1)));
        return new GroupBatches(new CoordinatorCalls(locator, new Retries(policy,
                delay -> CompletableFuture.completedFuture(null), () -> false)), null, Duration.ofSeconds(1));
    }

    private static DescribeGroupsResponse.DescribedGroupMember member(String id, ByteBuffer metadata, ByteBuffer assignment) {
        return new DescribeGroupsResponse.DescribedGroupMember().setMemberId(id).setClientId("c").setClientHost("/127.0.0.1")
                .setMemberMetadata(metadata).setMemberAssignment(assignment);
    }
}
