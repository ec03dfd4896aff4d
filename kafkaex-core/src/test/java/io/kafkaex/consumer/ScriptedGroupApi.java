package io.kafkaex.consumer;

import io.kafkaex.client.JoinGroupOptions;
import io.kafkaex.client.JoinGroupResult;
import io.kafkaex.client.SyncGroupOptions;
import io.kafkaex.client.SyncGroupResult;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted coordinator for membership unit tests: joins and syncs answer from queues the test fills (an empty
 * queue makes the call wait until the test adds an answer), heartbeats answer with the error the test sets, and
 * every call is recorded. Timers run on a real scheduler thread. Thread-safe.
 */
final class ScriptedGroupApi implements GroupApi, AutoCloseable {

    final BlockingQueue<Function<JoinGroupOptions, CompletableFuture<JoinGroupResult>>> joins = new LinkedBlockingQueue<>();
    final BlockingQueue<Function<SyncGroupOptions, CompletableFuture<SyncGroupResult>>> syncs = new LinkedBlockingQueue<>();
    final List<JoinGroupOptions> joinCalls = new CopyOnWriteArrayList<>();
    final List<SyncGroupOptions> syncCalls = new CopyOnWriteArrayList<>();
    final List<Integer> heartbeatGenerations = new CopyOnWriteArrayList<>();
    final List<String> leaves = new CopyOnWriteArrayList<>();
    volatile KafkaError heartbeatError = KafkaError.NONE;
    volatile Map<String, Integer> partitionCounts = Map.of();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    static <T> CompletableFuture<T> fail(KafkaError error) {
        return CompletableFuture.failedFuture(KafkaErrorExceptions.of(error, "scripted"));
    }

    @Override
    public CompletableFuture<JoinGroupResult> join(JoinGroupOptions options) {
        joinCalls.add(options);
        return CompletableFuture.supplyAsync(() -> take(joins)).thenCompose(answer -> answer.apply(options));
    }

    @Override
    public CompletableFuture<SyncGroupResult> sync(SyncGroupOptions options) {
        syncCalls.add(options);
        return CompletableFuture.supplyAsync(() -> take(syncs)).thenCompose(answer -> answer.apply(options));
    }

    @Override
    public CompletableFuture<Void> heartbeat(String groupId, String memberId, int generationId, String groupInstanceId) {
        heartbeatGenerations.add(generationId);
        KafkaError error = heartbeatError;
        return error == KafkaError.NONE ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(KafkaErrorExceptions.of(error, "scripted heartbeat"));
    }

    @Override
    public CompletableFuture<Void> leave(String groupId, String memberId, String groupInstanceId) {
        leaves.add(memberId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Map<String, Integer>> partitionCounts(Collection<String> topics) {
        return CompletableFuture.completedFuture(partitionCounts);
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            T answer = queue.poll(10, TimeUnit.SECONDS);
            if (answer == null) {
                throw new IllegalStateException("the test scripted no answer");
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
