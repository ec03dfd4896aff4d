package io.kafkaex.client;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.DescribeGroupsRequest;
import io.kafkaex.protocol.message.DescribeGroupsResponse;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * kafka_ex's {@code describe_group}, for any number of groups: one DescribeGroups per coordinator
 * ({@link GroupBatches}), with the members' subscriptions and assignments decoded for consumer groups. Errors
 * stay with their group ({@link ConsumerGroupDescription#error()}).
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class GroupDescriber {

    private final GroupBatches batches;

    GroupDescriber(GroupBatches batches) {
        this.batches = batches;
    }

    CompletableFuture<List<ConsumerGroupDescription>> describe(List<String> groups) {
        return batches.run(List.copyOf(groups), batches.request(ApiKey.DESCRIBE_GROUPS,
                onCoordinator -> new DescribeGroupsRequest().setGroups(onCoordinator),
                (reader, version) -> descriptions(DescribeGroupsResponse.read(reader, version))),
                ConsumerGroupDescription::error, ConsumerGroupDescription::failed);
    }

    static Map<String, ConsumerGroupDescription> descriptions(DescribeGroupsResponse response) {
        Map<String, ConsumerGroupDescription> described = new HashMap<>();
        for (DescribeGroupsResponse.DescribedGroup group : response.groups()) {
            boolean consumer = ConsumerPayloads.isConsumer(group.protocolType());
            described.put(group.groupId(), new ConsumerGroupDescription(group.groupId(), KafkaError.forCode(group.errorCode()),
                    group.errorMessage(), group.groupState(), group.protocolType(), group.protocolData(),
                    group.members().stream().map(member -> member(member, consumer)).toList(), group.authorizedOperations()));
        }
        return described;
    }

    private static MemberDescription member(DescribeGroupsResponse.DescribedGroupMember member, boolean consumer) {
        ByteBuffer metadata = orEmpty(member.memberMetadata());
        ByteBuffer assignment = orEmpty(member.memberAssignment());
        return new MemberDescription(member.memberId(), member.groupInstanceId(), member.clientId(), member.clientHost(),
                metadata, assignment,
                consumer && metadata.hasRemaining() ? ConsumerPayloads.subscription(metadata) : null,
                consumer && assignment.hasRemaining() ? ConsumerPayloads.assignment(assignment) : null);
    }

    private static ByteBuffer orEmpty(ByteBuffer bytes) {
        return bytes == null ? ByteBuffer.allocate(0) : bytes;
    }
}
