package io.kafkaex.client;

import java.nio.ByteBuffer;

/**
 * A member of the group as the leader's JoinGroup response lists it (kafka_ex's {@code JoinGroup.Member}): its
 * id, static instance id ({@code null} if dynamic), the raw protocol metadata, and that metadata decoded when
 * the group's protocol type is "consumer" ({@code null} otherwise). Immutable; any thread.
 */
public record JoinGroupMember(String memberId, String groupInstanceId, ByteBuffer metadata, MemberSubscription subscription) {

    public JoinGroupMember {
        metadata = metadata.asReadOnlyBuffer();
    }
}
