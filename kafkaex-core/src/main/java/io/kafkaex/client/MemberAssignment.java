package io.kafkaex.client;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * What the group leader assigned to one member in the consumer protocol (kafka_ex's {@code MemberAssignment}):
 * partitions per topic and the assignor's user data ({@code null} when none). An empty assignment payload is an
 * assignment of nothing. Immutable (user data is a read-only view); any thread.
 */
public record MemberAssignment(List<PartitionAssignment> partitions, ByteBuffer userData) {

    public MemberAssignment {
        partitions = List.copyOf(partitions);
        userData = userData == null ? null : userData.asReadOnlyBuffer();
    }

    /** No partitions, no user data. */
    public static MemberAssignment empty() {
        return new MemberAssignment(List.of(), null);
    }

    public static MemberAssignment of(List<PartitionAssignment> partitions) {
        return new MemberAssignment(partitions, null);
    }

    /** Whether no partition is assigned. */
    public boolean isEmpty() {
        return partitions.stream().allMatch(assignment -> assignment.partitions().isEmpty());
    }
}
