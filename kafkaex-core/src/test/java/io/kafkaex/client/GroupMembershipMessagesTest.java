package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.ProtocolMessage;
import io.kafkaex.protocol.ProtocolReader;
import io.kafkaex.protocol.ProtocolWriter;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaGroupMembershipException;
import io.kafkaex.protocol.message.JoinGroupRequest;
import io.kafkaex.protocol.message.JoinGroupResponse;
import io.kafkaex.protocol.message.LeaveGroupRequest;
import io.kafkaex.protocol.message.LeaveGroupResponse;
import io.kafkaex.protocol.message.SyncGroupResponse;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** JoinGroup, SyncGroup and LeaveGroup requests and responses, including kafka_ex's bugs #5, #6 and #7. */
class GroupMembershipMessagesTest {

    private static final JoinGroupOptions JOIN = JoinGroupOptions.consumer("g", List.of("orders", "payments"));
    private static final PartitionAssignment ORDERS = new PartitionAssignment("orders", List.of(0, 2));

    @Test
    void joinGroupSendsTheOptionsAndWaitsForTheWholeRebalance() {
        JoinGroupRequest request = GroupJoiner.request(JOIN.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(45)));
        assertThat(request.sessionTimeoutMs()).isEqualTo(10_000);
        assertThat(request.rebalanceTimeoutMs()).isEqualTo(45_000);
        assertThat(request.memberId()).isEmpty();
        assertThat(request.protocolType()).isEqualTo("consumer");
        assertThat(request.protocols()).singleElement().satisfies(protocol -> {
            assertThat(protocol.name()).isEqualTo("range");
            assertThat(ConsumerPayloads.subscription(protocol.metadata()).topics()).containsExactly("orders", "payments");
        });
        assertThat(JOIN.sessionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new GroupJoiner(null, null, Duration.ofSeconds(30)).spec(JOIN).timeout())
                .as("rebalance timeout + request timeout, not the request timeout alone").isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void memberIdRequiredGivesTheIdToJoinAgainWith() {
        GroupJoiner.Answer answer = GroupJoiner.answer(new JoinGroupResponse().setErrorCode(KafkaError.MEMBER_ID_REQUIRED.code())
                .setMemberId("assigned-1"), JOIN);

        assertThat(answer.result()).isNull();
        assertThat(answer.assignedMemberId()).isEqualTo("assigned-1");
    }

    @Test
    void aJoinedLeaderSeesEveryMembersDecodedSubscription() {
        JoinGroupResponse response = new JoinGroupResponse().setGenerationId(3).setProtocolName("range").setLeader("m-1")
                .setMemberId("m-1").setMembers(List.of(new JoinGroupResponse.JoinGroupResponseMember().setMemberId("m-2")
                        .setGroupInstanceId("static-2").setMetadata(ConsumerPayloads.subscription(List.of("orders")))));

        JoinGroupResult result = GroupJoiner.answer(response, JOIN).result();

        assertThat(result.isLeader()).isTrue();
        assertThat(result.generationId()).isEqualTo(3);
        assertThat(result.protocolType()).as("from the request before v7").isEqualTo("consumer");
        assertThat(result.members()).singleElement().satisfies(member -> {
            assertThat(member.groupInstanceId()).isEqualTo("static-2");
            assertThat(member.subscription().topics()).containsExactly("orders");
        });
        assertThatThrownBy(() -> GroupJoiner.answer(new JoinGroupResponse().setErrorCode(KafkaError.UNKNOWN_MEMBER_ID.code()), JOIN))
                .isInstanceOfSatisfying(KafkaGroupMembershipException.class,
                        error -> assertThat(error.error()).isEqualTo(KafkaError.UNKNOWN_MEMBER_ID));
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 3, 4, 5})
    void aNonEmptyAssignmentIsAlwaysDecodedWhateverTheVersion(short version) {
        SyncGroupResponse sent = new SyncGroupResponse().setAssignment(ConsumerPayloads.assignment(MemberAssignment.of(List.of(ORDERS))));
        SyncGroupResponse received = SyncGroupResponse.read(new ProtocolReader(written(sent, version)), version);

        SyncGroupResult result = GroupMemberCalls.syncResult(received, follower());

        assertThat(result.assignment().partitions()).containsExactly(ORDERS);
        assertThat(result.rawAssignment().remaining()).isPositive();
    }

    @Test
    void anEmptyAssignmentIsEmptyAndAnUndecodableOneAnError() {
        assertThat(GroupMemberCalls.syncResult(new SyncGroupResponse().setAssignment(ByteBuffer.allocate(0)), follower())
                .assignment().isEmpty()).isTrue();
        assertThatThrownBy(() -> GroupMemberCalls.syncResult(new SyncGroupResponse()
                .setAssignment(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 0, 9})), follower()))
                .isInstanceOf(ProtocolException.class);

        SyncGroupResult other = GroupMemberCalls.syncResult(new SyncGroupResponse().setAssignment(ByteBuffer.wrap(new byte[] {7})),
                follower().withProtocol("connect", null));
        assertThat(other.assignment()).as("not the consumer protocol: raw bytes only").isNull();
        assertThat(other.rawAssignment()).isEqualTo(ByteBuffer.wrap(new byte[] {7}));
        assertThatThrownBy(() -> GroupMemberCalls.syncResult(new SyncGroupResponse()
                .setErrorCode(KafkaError.REBALANCE_IN_PROGRESS.code()), follower())).isInstanceOf(KafkaGroupMembershipException.class);
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 2, 3, 4, 5})
    void leaveGroupSendsAMemberIdUpToV2AndAMembersArrayFromV3(short version) {
        LeaveGroupRequest request = GroupMemberCalls.leaveRequest("g", "m-1", null, version);
        LeaveGroupRequest received = LeaveGroupRequest.read(new ProtocolReader(written(request, version)), version);

        if (version < 3) {
            assertThat(received.memberId()).isEqualTo("m-1");
        } else {
            assertThat(received.members()).singleElement().satisfies(member -> assertThat(member.memberId()).isEqualTo("m-1"));
        }
    }

    @Test
    void aMembersLeaveErrorIsATypedException() {
        GroupMemberCalls.leaveResult(new LeaveGroupResponse().setMembers(List.of(new LeaveGroupResponse.MemberResponse()
                .setMemberId("m-1"))), "g", "m-1");
        assertThatThrownBy(() -> GroupMemberCalls.leaveResult(new LeaveGroupResponse().setMembers(List.of(
                new LeaveGroupResponse.MemberResponse().setMemberId("m-1").setErrorCode(KafkaError.UNKNOWN_MEMBER_ID.code()))),
                "g", "m-1")).isInstanceOf(KafkaGroupMembershipException.class).hasMessageContaining("m-1");
    }

    @Test
    void syncOptionsCarryTheLeadersEncodedAssignments() {
        SyncGroupOptions options = SyncGroupOptions.consumer("g", 3, "m-1", Map.of("m-2", MemberAssignment.of(List.of(ORDERS))));

        assertThat(GroupMemberCalls.syncRequest(options).assignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.memberId()).isEqualTo("m-2");
            assertThat(ConsumerPayloads.assignment(assignment.assignment()).partitions()).containsExactly(ORDERS);
        });
    }

    private static SyncGroupOptions follower() {
        return SyncGroupOptions.consumer("g", 1, "m-1", Map.of());
    }

    private static ByteBuffer written(ProtocolMessage message, short version) {
        ByteBuffer buffer = ByteBuffer.allocate(message.size(version));
        message.write(new ProtocolWriter(buffer), version);
        return buffer.flip();
    }
}
