package io.kafkaex.client;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A member's subscription in the consumer protocol, decoded from its JoinGroup metadata (kafka_ex's
 * {@code GroupProtocolMetadata}): the topics it wants and, from newer payload versions, the partitions it owns,
 * its generation and rack. Immutable (user data is a read-only view); any thread.
 *
 * @param userData     the assignor's user data, or {@code null}
 * @param generationId the generation the owned partitions are from (payload v2+), or -1
 * @param rackId       the member's rack (payload v3+), or {@code null}
 */
public record MemberSubscription(List<String> topics, ByteBuffer userData, List<PartitionAssignment> ownedPartitions,
        int generationId, String rackId) {

    public MemberSubscription {
        topics = List.copyOf(topics);
        userData = userData == null ? null : userData.asReadOnlyBuffer();
        ownedPartitions = List.copyOf(ownedPartitions);
    }
}
