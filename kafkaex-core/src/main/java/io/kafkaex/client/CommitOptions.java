package io.kafkaex.client;

import java.util.Objects;

/**
 * Who commits: a standalone commit (generation -1, empty member id, as kafka_ex's {@code commit_offset} sends),
 * or a member of the group's current generation, whose commit the coordinator fences when the group has moved
 * on. Immutable; any thread.
 *
 * @param generationId    the group generation, or -1 for a standalone commit
 * @param memberId        the member id the coordinator assigned, or {@code ""} for a standalone commit
 * @param groupInstanceId the static member's instance id (OffsetCommit v7+), or {@code null}
 */
public record CommitOptions(int generationId, String memberId, String groupInstanceId) {

    public CommitOptions {
        Objects.requireNonNull(memberId, "memberId (use \"\" for a standalone commit)");
    }

    /** A commit from outside any generation (the group must have no active members). */
    public static CommitOptions standalone() {
        return new CommitOptions(-1, "", null);
    }

    /** A commit by {@code memberId} in generation {@code generationId}. */
    public static CommitOptions member(int generationId, String memberId) {
        return new CommitOptions(generationId, memberId, null);
    }

    public CommitOptions withGroupInstanceId(String instanceId) {
        return new CommitOptions(generationId, memberId, instanceId);
    }
}
