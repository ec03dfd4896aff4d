package io.kafkaex.cluster;

import io.kafkaex.protocol.error.KafkaError;
import java.util.List;
import java.util.Objects;

/**
 * One partition of a topic as the last Metadata response described it, including a partition-level error:
 * a partition reported with, say, {@link KafkaError#LEADER_NOT_AVAILABLE} is kept with that error and
 * {@link #NO_LEADER} rather than dropped, so callers can tell "no leader right now" from "no such partition".
 *
 * <p>Immutable and thread-safe.
 *
 * @param topic           the topic name
 * @param partition       the partition index, from 0
 * @param leaderId        the broker id of the leader, or {@link #NO_LEADER}
 * @param leaderEpoch     the leader epoch (Metadata v7+), or {@link #UNKNOWN_EPOCH}
 * @param replicas        broker ids of all replicas
 * @param isr             broker ids of the in-sync replicas
 * @param offlineReplicas broker ids of replicas that are offline (Metadata v5+; empty before)
 * @param error           the partition's error, {@link KafkaError#NONE} when fine
 */
public record PartitionInfo(String topic, int partition, int leaderId, int leaderEpoch, List<Integer> replicas,
        List<Integer> isr, List<Integer> offlineReplicas, KafkaError error) {

    /** The {@link #leaderId()} of a partition without a leader. */
    public static final int NO_LEADER = -1;

    /** The {@link #leaderEpoch()} when the broker did not say (Metadata before v7) or does not know. */
    public static final int UNKNOWN_EPOCH = -1;

    public PartitionInfo {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(error, "error");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition);
        }
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
        offlineReplicas = List.copyOf(offlineReplicas);
    }

    /** Whether the response named a leader ({@link #leaderId()} is not {@link #NO_LEADER}). */
    public boolean hasLeader() {
        return leaderId >= 0;
    }

    /** Whether the broker reported a leader epoch. */
    public boolean hasLeaderEpoch() {
        return leaderEpoch >= 0;
    }
}
