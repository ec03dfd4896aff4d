package io.kafkaex.client;

import java.nio.ByteBuffer;

/**
 * A member as DescribeGroups shows it (kafka_ex's {@code ConsumerGroupDescription.Member}): ids, client id and
 * host, the raw protocol metadata and assignment, and, when the group's protocol type is "consumer", both
 * decoded. {@code subscription} and {@code assignment} are {@code null} for other protocol types and for an empty
 * payload (the assignment is empty until the group is stable). Immutable; any thread.
 *
 * @param groupInstanceId the static instance id (DescribeGroups v4+), or {@code null}
 */
public record MemberDescription(String memberId, String groupInstanceId, String clientId, String clientHost,
        ByteBuffer rawMetadata, ByteBuffer rawAssignment, MemberSubscription subscription, MemberAssignment assignment) {

    public MemberDescription {
        rawMetadata = rawMetadata.asReadOnlyBuffer();
        rawAssignment = rawAssignment.asReadOnlyBuffer();
    }
}
