package io.kafkaex.client;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaGroupMembershipException;
import io.kafkaex.protocol.message.ConsumerGroupHeartbeatRequest;
import io.kafkaex.protocol.message.ConsumerGroupHeartbeatResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ConsumerGroupHeartbeat (KIP-848) requests and responses. */
class ConsumerGroupHeartbeatMessagesTest {

    private static final UUID ORDERS = UUID.fromString("6f1c2a36-0000-4000-8000-000000000001");
    private static final ConsumerGroupHeartbeatOptions BEAT = new ConsumerGroupHeartbeatOptions("g", "member-1", 7,
            "instance-1", "rack-a", 60_000, List.of("orders"), "uniform",
            List.of(new TopicIdPartitions(ORDERS, List.of(0, 2))));

    @Test
    void aBeatSendsEveryFieldItIsGiven() {
        ConsumerGroupHeartbeatRequest request = GroupMemberCalls.consumerHeartbeatRequest(BEAT);

        assertThat(request.groupId()).isEqualTo("g");
        assertThat(request.memberId()).isEqualTo("member-1");
        assertThat(request.memberEpoch()).isEqualTo(7);
        assertThat(request.instanceId()).isEqualTo("instance-1");
        assertThat(request.rackId()).isEqualTo("rack-a");
        assertThat(request.rebalanceTimeoutMs()).isEqualTo(60_000);
        assertThat(request.subscribedTopicNames()).containsExactly("orders");
        assertThat(request.serverAssignor()).isEqualTo("uniform");
        assertThat(request.topicPartitions()).singleElement().satisfies(owned -> {
            assertThat(owned.topicId()).isEqualTo(ORDERS);
            assertThat(owned.partitions()).containsExactly(0, 2);
        });
    }

    @Test
    void aLeaveSendsOnlyTheMemberWithEpochMinusOneOrMinusTwoForAStaticMember() {
        ConsumerGroupHeartbeatRequest dynamic = GroupMemberCalls.consumerHeartbeatRequest(
                ConsumerGroupHeartbeatOptions.leave("g", "member-1", null));
        ConsumerGroupHeartbeatRequest stat = GroupMemberCalls.consumerHeartbeatRequest(
                ConsumerGroupHeartbeatOptions.leave("g", "member-1", "instance-1"));

        assertThat(dynamic.memberEpoch()).isEqualTo(-1);
        assertThat(dynamic.instanceId()).isNull();
        assertThat(dynamic.subscribedTopicNames()).as("unchanged fields are null").isNull();
        assertThat(dynamic.topicPartitions()).isNull();
        assertThat(dynamic.rebalanceTimeoutMs()).isEqualTo(-1);
        assertThat(stat.memberEpoch()).isEqualTo(-2);
        assertThat(stat.instanceId()).isEqualTo("instance-1");
    }

    @Test
    void anAnswerGivesTheEpochIntervalAndAssignmentByTopicId() {
        ConsumerGroupHeartbeatResponse response = new ConsumerGroupHeartbeatResponse().setMemberId("member-1")
                .setMemberEpoch(8).setHeartbeatIntervalMs(5_000).setAssignment(new ConsumerGroupHeartbeatResponse.Assignment()
                        .setTopicPartitions(List.of(new ConsumerGroupHeartbeatResponse.TopicPartitions().setTopicId(ORDERS)
                                .setPartitions(List.of(1, 3)))));

        ConsumerGroupHeartbeatResult result = GroupMemberCalls.consumerHeartbeatResult(response, BEAT);

        assertThat(result.memberId()).isEqualTo("member-1");
        assertThat(result.memberEpoch()).isEqualTo(8);
        assertThat(result.heartbeatIntervalMs()).isEqualTo(5_000);
        assertThat(result.assignment()).containsExactly(new TopicIdPartitions(ORDERS, List.of(1, 3)));
    }

    @Test
    void anAnswerWithoutAssignmentOrMemberIdKeepsTheMembersOwn() {
        ConsumerGroupHeartbeatResult result = GroupMemberCalls.consumerHeartbeatResult(
                new ConsumerGroupHeartbeatResponse().setMemberEpoch(7).setHeartbeatIntervalMs(500), BEAT);

        assertThat(result.assignment()).as("unchanged since the last beat").isNull();
        assertThat(result.memberId()).isEqualTo("member-1");
    }

    @Test
    void aFencedEpochFailsWithATypedErrorThatCarriesTheBrokersMessage() {
        ConsumerGroupHeartbeatResponse response = new ConsumerGroupHeartbeatResponse()
                .setErrorCode(KafkaError.FENCED_MEMBER_EPOCH.code()).setErrorMessage("epoch 7 is fenced, the member is at 9");

        assertThatThrownBy(() -> GroupMemberCalls.consumerHeartbeatResult(response, BEAT))
                .isInstanceOfSatisfying(KafkaGroupMembershipException.class,
                        e -> assertThat(e.error()).isEqualTo(KafkaError.FENCED_MEMBER_EPOCH))
                .hasMessageContaining("group 'g'").hasMessageContaining("epoch 7 is fenced");
    }
}
