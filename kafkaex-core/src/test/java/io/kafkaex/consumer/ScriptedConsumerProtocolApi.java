package io.kafkaex.consumer;

import io.kafkaex.client.ConsumerGroupHeartbeatOptions;
import io.kafkaex.client.ConsumerGroupHeartbeatResult;
import io.kafkaex.client.TopicIdPartitions;
import io.kafkaex.client.TopicPartition;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted KIP-848 coordinator for membership unit tests: beats answer from a queue the test fills; with the queue
 * empty a join waits for an answer and any other beat is answered as by a steady coordinator (same member and epoch,
 * no new assignment). Every beat is recorded, and logged as {@code beat <epoch> [owned partitions]} in the log the
 * test may share with its listener. Topic ids come from {@link #topicIds}. Thread-safe.
 */
final class ScriptedConsumerProtocolApi implements ConsumerProtocolApi {

    static final int INTERVAL_MS = 50;

    final BlockingQueue<Function<ConsumerGroupHeartbeatOptions, CompletableFuture<ConsumerGroupHeartbeatResult>>> answers =
            new LinkedBlockingQueue<>();
    final List<ConsumerGroupHeartbeatOptions> beats = new CopyOnWriteArrayList<>();
    final List<String> log;
    volatile Map<String, UUID> topicIds = Map.of();

    ScriptedConsumerProtocolApi(List<String> log) {
        this.log = log;
    }

    /** An answer in {@code epoch} with {@code assignment} (or none), keeping the member id sent. */
    static Function<ConsumerGroupHeartbeatOptions, CompletableFuture<ConsumerGroupHeartbeatResult>> answer(int epoch,
            List<TopicIdPartitions> assignment) {
        return beat -> CompletableFuture.completedFuture(new ConsumerGroupHeartbeatResult(beat.memberId(), epoch,
                INTERVAL_MS, assignment));
    }

    static Function<ConsumerGroupHeartbeatOptions, CompletableFuture<ConsumerGroupHeartbeatResult>> failure(Throwable error) {
        return beat -> CompletableFuture.failedFuture(error);
    }

    @Override
    public CompletableFuture<ConsumerGroupHeartbeatResult> heartbeat(ConsumerGroupHeartbeatOptions options) {
        beats.add(options);
        log.add("beat " + options.memberEpoch() + " " + RecordingMembershipListener.sorted(named(options.topicPartitions())));
        var scripted = answers.poll();
        if (scripted == null && options.memberEpoch() == ConsumerGroupHeartbeatOptions.JOIN_EPOCH) {
            return CompletableFuture.supplyAsync(this::take).thenCompose(answer -> answer.apply(options));
        }
        return scripted != null ? scripted.apply(options) : answer(options.memberEpoch(), null).apply(options);
    }

    @Override
    public CompletableFuture<Map<String, UUID>> topicIds(Collection<String> topics) {
        return CompletableFuture.completedFuture(topicIds);
    }

    /** The beats with {@code epoch}. */
    List<ConsumerGroupHeartbeatOptions> beats(int epoch) {
        return beats.stream().filter(beat -> beat.memberEpoch() == epoch).toList();
    }

    private Set<TopicPartition> named(List<TopicIdPartitions> owned) {
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        if (owned != null) {
            for (TopicIdPartitions topic : owned) {
                String name = topicIds.entrySet().stream().filter(e -> e.getValue().equals(topic.topicId()))
                        .map(Map.Entry::getKey).findFirst().orElse(topic.topicId().toString());
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(name, p)));
            }
        }
        return partitions;
    }

    private Function<ConsumerGroupHeartbeatOptions, CompletableFuture<ConsumerGroupHeartbeatResult>> take() {
        try {
            var answer = answers.poll(10, TimeUnit.SECONDS);
            if (answer == null) {
                throw new IllegalStateException("the test scripted no answer to the join");
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
