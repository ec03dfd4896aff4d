package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;

import java.util.Set;

/**
 * What a group membership tells the consumer about its partitions. Called on the membership's coordination
 * thread, one call at a time; {@link #revoked} blocks until the partitions' last batches are handled and their
 * offsets committed, so the member rejoins only after that.
 */
interface MembershipListener {

    /** New partitions, to start consuming in {@code generation}. */
    void assigned(Set<TopicPartition> partitions, Generation generation);

    /** Partitions to give up cleanly: finish, commit with the current generation, stop. */
    void revoked(Set<TopicPartition> partitions);

    /**
     * Partitions that already belong to someone else (the member was dropped from the group): stop without
     * committing, since the commit would be refused and could overwrite the new owner's.
     */
    void lost(Set<TopicPartition> partitions);

    /** The membership ended for good with {@code error}; every partition was revoked or lost before. */
    void failed(Throwable error);
}
