package io.kafkaex.spring.listener;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.PartitionLag;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A listener container whose state the test sets; for health, endpoint and metrics tests without a broker. */
public class FakeListenerContainer implements MessageListenerContainer {

    private final String id;
    private final String groupId;
    private final Set<String> topics;
    private volatile ContainerState state = ContainerState.RUNNING;
    private volatile Throwable failure;
    private volatile boolean paused;
    private final Set<TopicPartition> assignments = new LinkedHashSet<>();
    private final Map<TopicPartition, PartitionLag> lag = new LinkedHashMap<>();

    public FakeListenerContainer(String id, String groupId, String... topics) {
        this.id = id;
        this.groupId = groupId;
        this.topics = Set.of(topics);
    }

    public FakeListenerContainer state(ContainerState state) {
        this.state = state;
        return this;
    }

    public FakeListenerContainer failed(Throwable failure) {
        this.failure = failure;
        return state(ContainerState.FAILED);
    }

    public FakeListenerContainer holds(TopicPartition partition, PartitionLag partitionLag) {
        assignments.add(partition);
        if (partitionLag != null) {
            lag.put(partition, partitionLag);
        }
        return this;
    }

    @Override
    public String getListenerId() {
        return id;
    }

    @Override
    public String getGroupId() {
        return groupId;
    }

    @Override
    public Set<String> getTopics() {
        return topics;
    }

    @Override
    public ContainerState getState() {
        return state;
    }

    @Override
    public Set<TopicPartition> getAssignments() {
        return Set.copyOf(assignments);
    }

    @Override
    public Map<TopicPartition, PartitionLag> getLag() {
        return Map.copyOf(lag);
    }

    @Override
    public Optional<Throwable> getFailure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public boolean isPauseRequested() {
        return paused;
    }

    /** Starts a stopped fake; a fake made FAILED stays so, as the context's lifecycle starts every container. */
    @Override
    public void start() {
        if (state == ContainerState.STOPPED) {
            state = ContainerState.RUNNING;
        }
    }

    @Override
    public void stop() {
        state = ContainerState.STOPPED;
    }

    @Override
    public boolean isRunning() {
        return state != ContainerState.STOPPED;
    }
}
