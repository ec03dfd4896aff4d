package io.kafkaex.spring.listener;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.GenConsumer;
import io.kafkaex.consumer.KafkaExConsumerGroup;
import io.kafkaex.consumer.PartitionLag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container of one {@code @KafkaExListener}: {@code concurrency} consumer-group members, each with a
 * {@link ListenerAdapter} invoking the listener. With a topic pattern it subscribes to the matching topics, checks
 * them again every metadata refresh and restarts its members when the set changed. Stopping is graceful: the members
 * finish their batches, commit what was processed, and leave the group.
 *
 * <p>Thread-safe: every method may be called from any thread; start and stop are serialized.
 */
public final class KafkaExMessageListenerContainer implements MessageListenerContainer {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaExMessageListenerContainer.class);
    /** Late: starts after the application's other lifecycle beans and stops before them. */
    public static final int PHASE = Integer.MAX_VALUE - 1000;

    /** Starts one member: its index, the topics it subscribes to, and the consumer it runs. */
    @FunctionalInterface
    interface MemberStarter {
        KafkaExConsumerGroup start(int index, List<String> topics, GenConsumer<?> consumer);
    }

    private final KafkaExListenerEndpoint endpoint;
    private final MemberStarter starter;
    private final Function<StopSignal, Function<Supplier<KafkaExConsumerGroup>, GenConsumer<?>>> adapters;
    private final Supplier<List<String>> patternTopics;
    private final ScheduledExecutorService patternChecks;
    private final Duration patternInterval;
    private final Duration shutdownTimeout;

    /** The members running now; replaced whole (under {@code this}) when they start or stop. */
    private volatile List<KafkaExConsumerGroup> running = List.of();
    private volatile List<String> topics;
    private volatile boolean started;
    private volatile boolean pauseRequested;
    private StopSignal stop = new StopSignal();
    private ScheduledFuture<?> patternCheck;

    /**
     * @param adapters makes the consumer of one member from the run's stop signal and the member (known once started)
     * @param patternTopics the topics the pattern matches now (only called with a pattern)
     * @param patternChecks runs the periodic pattern check
     */
    KafkaExMessageListenerContainer(KafkaExListenerEndpoint endpoint, MemberStarter starter,
            Function<StopSignal, Function<Supplier<KafkaExConsumerGroup>, GenConsumer<?>>> adapters,
            Supplier<List<String>> patternTopics, ScheduledExecutorService patternChecks, Duration patternInterval,
            Duration shutdownTimeout) {
        this.endpoint = endpoint;
        this.starter = starter;
        this.adapters = adapters;
        this.patternTopics = patternTopics;
        this.patternChecks = patternChecks;
        this.patternInterval = patternInterval;
        this.shutdownTimeout = shutdownTimeout;
        this.topics = endpoint.subscribedTopics();
    }

    @Override
    public String getListenerId() {
        return endpoint.id();
    }

    @Override
    public String getGroupId() {
        return endpoint.groupId();
    }

    @Override
    public Set<String> getTopics() {
        return Set.copyOf(topics);
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        stop = new StopSignal();
        if (endpoint.topicPattern() != null) {
            topics = matchingTopicsOrNone();
            patternCheck = patternChecks.scheduleWithFixedDelay(this::checkPattern, patternInterval.toMillis(),
                    patternInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        startMembers();
    }

    /** The topics matching the pattern now; none when the metadata cannot be read (the next check tries again). */
    private List<String> matchingTopicsOrNone() {
        try {
            return patternTopics.get();
        } catch (RuntimeException metadataUnavailable) {
            LOG.warn("Listener '{}': could not read the topics matching {} ({}); checking again every {}", endpoint.id(),
                    endpoint.topicPattern(), metadataUnavailable.toString(), patternInterval);
            return List.of();
        }
    }

    private void startMembers() {
        if (topics.isEmpty()) {
            LOG.info("Listener '{}': no topic matches {} yet; checking again every {}", endpoint.id(),
                    endpoint.topicPattern(), patternInterval);
            return;
        }
        List<KafkaExConsumerGroup> members = new ArrayList<>(endpoint.concurrency());
        for (int i = 0; i < endpoint.concurrency(); i++) {
            AtomicReference<KafkaExConsumerGroup> self = new AtomicReference<>();
            KafkaExConsumerGroup member = starter.start(i, topics, adapters.apply(stop).apply(self::get));
            self.set(member);
            if (pauseRequested) {
                member.pauseAll();
            }
            members.add(member);
        }
        running = List.copyOf(members);
    }

    private synchronized void checkPattern() {
        if (!started) {
            return;
        }
        try {
            List<String> now = patternTopics.get();
            if (!new HashSet<>(now).equals(new HashSet<>(topics))) {
                LOG.info("Listener '{}': the topics matching {} changed from {} to {}; restarting its members",
                        endpoint.id(), endpoint.topicPattern(), topics, now);
                closeMembers();
                stop = new StopSignal();
                topics = now;
                startMembers();
            }
        } catch (RuntimeException metadataUnavailable) {
            LOG.warn("Listener '{}': could not check the topics matching {}: {}", endpoint.id(), endpoint.topicPattern(),
                    metadataUnavailable.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        if (patternCheck != null) {
            patternCheck.cancel(false);
        }
        closeMembers();
    }

    /** Closes every member in parallel: each finishes its batch, commits what was processed and leaves. */
    private void closeMembers() {
        stop.stop();
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (KafkaExConsumerGroup member : running) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread closer = new Thread(() -> {
                try {
                    member.close(shutdownTimeout);
                } finally {
                    done.complete(null);
                }
            }, "kafkaex-close-" + endpoint.id());
            closer.start();
            closing.add(done);
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
        running = List.of();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public boolean isAutoStartup() {
        return endpoint.autoStartup();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public ContainerState getState() {
        List<KafkaExConsumerGroup> now = running;
        if (!started) {
            return ContainerState.STOPPED;
        }
        if (now.stream().anyMatch(KafkaExConsumerGroup::isFailed)) {
            return ContainerState.FAILED;
        }
        if (now.isEmpty()) {
            // started without members: a pattern that matches no topic yet holds nothing, so it is not waiting for any
            return topics.isEmpty() ? ContainerState.RUNNING : ContainerState.STARTING;
        }
        return now.stream().allMatch(KafkaExConsumerGroup::isStable) ? ContainerState.RUNNING : ContainerState.STARTING;
    }

    @Override
    public Set<TopicPartition> getAssignments() {
        Set<TopicPartition> all = new HashSet<>();
        running.forEach(member -> all.addAll(member.assignments()));
        return all;
    }

    /** The partitions of each member, in member order. */
    public List<Set<TopicPartition>> memberAssignments() {
        return running.stream().map(KafkaExConsumerGroup::assignments).toList();
    }

    @Override
    public Map<TopicPartition, PartitionLag> getLag() {
        Map<TopicPartition, PartitionLag> all = new HashMap<>();
        running.forEach(member -> all.putAll(member.lag()));
        return all;
    }

    @Override
    public Optional<Throwable> getFailure() {
        return running.stream().map(KafkaExConsumerGroup::failure).flatMap(Optional::stream).findFirst();
    }

    @Override
    public void pause() {
        pauseRequested = true;
        running.forEach(KafkaExConsumerGroup::pauseAll);
    }

    @Override
    public void resume() {
        pauseRequested = false;
        running.forEach(KafkaExConsumerGroup::resumeAll);
    }

    @Override
    public boolean isPauseRequested() {
        return pauseRequested;
    }
}
