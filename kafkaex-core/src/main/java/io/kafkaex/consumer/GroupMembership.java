package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;

import java.util.Set;

/**
 * One member's part in its consumer group, for one rebalance protocol: joins, keeps the membership alive, tells its
 * {@link MembershipListener} which partitions it owns, and leaves on {@link #close()}. Thread-safe.
 */
interface GroupMembership extends AutoCloseable {

    /** The states a member passes through. */
    enum State {
        /** Finding the coordinator, joining, syncing, or revoking before a rejoin. */
        JOINING,
        /** Holding an assignment and heartbeating. */
        STABLE,
        /** Ended for good with an error ({@link MembershipListener#failed}). */
        FAILED,
        /** Left the group (or stopped without leaving, for a static member). */
        CLOSED
    }

    /** Starts joining on the membership's own thread. */
    void start();

    State state();

    /** The current generation, or {@link Generation#none} before the first join. */
    Generation generation();

    /** The member id of the group's leader in the current generation (classic protocol), or {@code ""}. */
    String leaderId();

    /** The partitions owned now. */
    Set<TopicPartition> owned();

    /** Asks the member to rejoin, e.g. because the subscribed topics changed. */
    void requestRejoin(String reason);

    /** Revokes every partition (with commits), leaves the group unless static, and ends the membership thread. */
    @Override
    void close();
}
