package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records a membership's calls of its listener for membership unit tests, each also as a line of {@link #log}, which
 * a scripted coordinator may share to show the order of calls and requests. Thread-safe.
 */
final class RecordingMembershipListener implements MembershipListener {

    final List<Set<TopicPartition>> assigned = new CopyOnWriteArrayList<>();
    final List<Generation> assignedGenerations = new CopyOnWriteArrayList<>();
    final List<Set<TopicPartition>> revoked = new CopyOnWriteArrayList<>();
    final List<Set<TopicPartition>> lost = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final List<String> log;

    RecordingMembershipListener() {
        this(new CopyOnWriteArrayList<>());
    }

    RecordingMembershipListener(List<String> log) {
        this.log = log;
    }

    @Override
    public void assigned(Set<TopicPartition> partitions, Generation generation) {
        assigned.add(Set.copyOf(partitions));
        assignedGenerations.add(generation);
        log.add("assigned " + sorted(partitions));
    }

    @Override
    public void revoked(Set<TopicPartition> partitions) {
        revoked.add(Set.copyOf(partitions));
        log.add("revoked " + sorted(partitions));
    }

    @Override
    public void lost(Set<TopicPartition> partitions) {
        lost.add(Set.copyOf(partitions));
        log.add("lost " + sorted(partitions));
    }

    @Override
    public void failed(Throwable error) {
        failures.add(error);
        log.add("failed");
    }

    /** Partitions as {@code [t-0, t-1]}, in order. */
    static String sorted(Set<TopicPartition> partitions) {
        return new TreeSet<>(partitions.stream().map(p -> p.topic() + "-" + p.partition()).toList()).toString();
    }
}
