package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * A "membership" without a group: the member owns the partitions of {@link ConsumerGroupOptions#assignment()} from
 * the start until it is closed, and no rebalance ever moves them. Offsets are still committed to the group id, as a
 * member outside any generation (generation -1, no member id), which the coordinator accepts while the group has no
 * active members. Thread-safe.
 */
final class AssignedMembership implements GroupMembership {

    private static final Logger LOG = LoggerFactory.getLogger(AssignedMembership.class);

    private final ConsumerGroupOptions options;
    private final MembershipListener listener;
    private final Set<TopicPartition> partitions;
    private final Thread thread;
    private volatile State state = State.JOINING;
    private volatile Set<TopicPartition> owned = Set.of();

    AssignedMembership(ConsumerGroupOptions options, MembershipListener listener) {
        this.options = options;
        this.listener = listener;
        this.partitions = Set.copyOf(options.assignment().keySet());
        this.thread = new Thread(this::assign, "kafkaex-assigned-" + options.groupId());
        this.thread.setDaemon(true);
    }

    /** Assigns the partitions on a thread of its own (reading the committed offsets blocks). */
    @Override
    public void start() {
        thread.start();
    }

    private void assign() {
        try {
            listener.assigned(partitions, generation());
            synchronized (this) {
                if (state == State.JOINING) {
                    owned = partitions;
                    state = State.STABLE;
                }
            }
        } catch (RuntimeException | Error failed) {
            state = State.FAILED;
            listener.failed(failed);
        }
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Generation generation() {
        return Generation.none(null);
    }

    @Override
    public String leaderId() {
        return "";
    }

    @Override
    public Set<TopicPartition> owned() {
        return owned;
    }

    /** Nothing to rejoin: the assignment is fixed. */
    @Override
    public void requestRejoin(String reason) {
        LOG.debug("Group '{}': a rejoin was asked ({}) but the member has a fixed assignment", options.groupId(), reason);
    }

    /** Waits for the assignment to finish, then revokes the partitions with commits. */
    @Override
    public void close() {
        try {
            thread.join(options.shutdownTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        }
        listener.revoked(partitions);
        owned = Set.of();
    }
}
