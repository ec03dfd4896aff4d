package io.kafkaex.consumer;

import io.kafkaex.client.JoinGroupOptions;
import io.kafkaex.client.JoinGroupResult;
import io.kafkaex.client.SyncGroupOptions;
import io.kafkaex.client.SyncGroupResult;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The broker calls a classic group member makes, and the timer its heartbeats run on: a seam so the membership
 * state machine can be tested against a scripted coordinator. Failures are the client's typed exceptions. Thread-safe.
 */
interface GroupApi {

    CompletableFuture<JoinGroupResult> join(JoinGroupOptions options);

    CompletableFuture<SyncGroupResult> sync(SyncGroupOptions options);

    CompletableFuture<Void> heartbeat(String groupId, String memberId, int generationId, String groupInstanceId);

    CompletableFuture<Void> leave(String groupId, String memberId, String groupInstanceId);

    /** The partition counts of those of {@code topics} that exist, fetched now. */
    CompletableFuture<Map<String, Integer>> partitionCounts(Collection<String> topics);

    /** Runs {@code task} once after {@code delay}, on a timer thread that must not block. */
    void schedule(Duration delay, Runnable task);
}
