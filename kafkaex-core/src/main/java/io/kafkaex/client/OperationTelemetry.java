package io.kafkaex.client;

import io.kafkaex.telemetry.AsyncSpan;
import io.kafkaex.telemetry.CommitEvent;
import io.kafkaex.telemetry.FetchEvent;
import io.kafkaex.telemetry.HeartbeatEvent;
import io.kafkaex.telemetry.JoinEvent;
import io.kafkaex.telemetry.LeaveEvent;
import io.kafkaex.telemetry.ProduceEvent;
import io.kafkaex.telemetry.SyncEvent;
import io.kafkaex.telemetry.Telemetry;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Reports the client's operations as telemetry spans ({@code produce}, {@code fetch}, {@code consumer.commit},
 * {@code join}, {@code sync}, {@code heartbeat}, {@code leave}): each method runs the
 * operation it is given and, when a listener is registered, wraps it in its start / stop / exception events.
 * Without listeners it only runs the operation and builds no event.
 *
 * <p>Stateless apart from its configuration; any thread.
 */
final class OperationTelemetry {

    private final Telemetry telemetry;
    private final String clientId;

    OperationTelemetry(Telemetry telemetry, String clientId) {
        this.telemetry = telemetry;
        this.clientId = clientId;
    }

    /** A {@code produce} span of {@code messageCount} records sent with {@code acks}. */
    CompletableFuture<RecordMetadata> produce(String topic, int partition, int messageCount, Acks acks,
            Supplier<CompletableFuture<RecordMetadata>> operation) {
        if (!telemetry.isEnabled()) {
            return operation.get();
        }
        ProduceEvent.Metadata metadata = new ProduceEvent.Metadata(topic, partition, clientId, acks.wireValue());
        return AsyncSpan.observe(telemetry, new ProduceEvent.Start(metadata, Instant.now(), messageCount), operation,
                (duration, result, outcome) -> new ProduceEvent.Stop(metadata, duration, messageCount,
                        result == null ? -1 : result.baseOffset(), outcome),
                (duration, exception) -> new ProduceEvent.Thrown(metadata, duration, exception));
    }

    /** A {@code fetch} span of one partition from {@code offset}. */
    CompletableFuture<FetchResult> fetch(String topic, int partition, long offset, Supplier<CompletableFuture<FetchResult>> operation) {
        if (!telemetry.isEnabled()) {
            return operation.get();
        }
        FetchEvent.Metadata metadata = new FetchEvent.Metadata(topic, partition, offset, clientId);
        return AsyncSpan.observe(telemetry, new FetchEvent.Start(metadata, Instant.now()), operation,
                (duration, result, outcome) -> new FetchEvent.Stop(metadata, duration,
                        result == null ? 0 : result.records().size(), outcome),
                (duration, exception) -> new FetchEvent.Thrown(metadata, duration, exception));
    }

    /** A {@code consumer.commit} span of {@code partitionCount} partitions of {@code topic}. */
    <T> CompletableFuture<T> commit(String groupId, String topic, int partitionCount, Supplier<CompletableFuture<T>> operation) {
        if (!telemetry.isEnabled()) {
            return operation.get();
        }
        CommitEvent.Metadata metadata = new CommitEvent.Metadata(groupId, clientId, List.of(topic), partitionCount);
        return AsyncSpan.observe(telemetry, new CommitEvent.Start(metadata, Instant.now()), operation,
                (duration, result, outcome) -> new CommitEvent.Stop(metadata, duration, outcome),
                (duration, exception) -> new CommitEvent.Thrown(metadata, duration, exception));
    }

    /** A {@code consumer.join} span; the topics are those of the first consumer-protocol subscription offered. */
    CompletableFuture<JoinGroupResult> join(JoinGroupOptions options, Supplier<CompletableFuture<JoinGroupResult>> operation) {
        if (!telemetry.isEnabled()) {
            return operation.get();
        }
        JoinEvent.Metadata metadata = new JoinEvent.Metadata(options.groupId(), options.memberId(), subscribedTopics(options));
        return AsyncSpan.observe(telemetry, new JoinEvent.Start(metadata, Instant.now()), operation,
                (duration, result, outcome) -> new JoinEvent.Stop(metadata, duration, result == null ? -1 : result.generationId(),
                        result != null && result.memberId().equals(result.leaderId()), outcome),
                (duration, exception) -> new JoinEvent.Thrown(metadata, duration, exception));
    }

    /** A {@code consumer.sync} span; a member that sends assignments is the leader. */
    CompletableFuture<SyncGroupResult> sync(SyncGroupOptions options, Supplier<CompletableFuture<SyncGroupResult>> operation) {
        if (!telemetry.isEnabled()) {
            return operation.get();
        }
        SyncEvent.Metadata metadata = new SyncEvent.Metadata(options.groupId(), options.memberId(), options.generationId(),
                !options.assignments().isEmpty());
        return AsyncSpan.observe(telemetry, new SyncEvent.Start(metadata, Instant.now()), operation,
                (duration, result, outcome) -> new SyncEvent.Stop(metadata, duration, result == null ? 0
                        : result.assignment().partitions().stream().mapToInt(assigned -> assigned.partitions().size()).sum(),
                        outcome),
                (duration, exception) -> new SyncEvent.Thrown(metadata, duration, exception));
    }

    /** A {@code consumer.heartbeat} span, of a classic Heartbeat or (the epoch as generation) a ConsumerGroupHeartbeat. */
    <T> CompletableFuture<T> heartbeat(String groupId, String memberId, int generationId, Supplier<CompletableFuture<T>> operation) {
        if (!telemetry.isEnabled()) {
            return operation.get();
        }
        HeartbeatEvent.Metadata metadata = new HeartbeatEvent.Metadata(groupId, memberId, generationId);
        return AsyncSpan.observe(telemetry, new HeartbeatEvent.Start(metadata, Instant.now()), operation,
                (duration, result, outcome) -> new HeartbeatEvent.Stop(metadata, duration, outcome),
                (duration, exception) -> new HeartbeatEvent.Thrown(metadata, duration, exception));
    }

    /** A {@code consumer.leave} span. */
    CompletableFuture<Void> leave(String groupId, String memberId, Supplier<CompletableFuture<Void>> operation) {
        if (!telemetry.isEnabled()) {
            return operation.get();
        }
        LeaveEvent.Metadata metadata = new LeaveEvent.Metadata(groupId, memberId);
        return AsyncSpan.observe(telemetry, new LeaveEvent.Start(metadata, Instant.now()), operation,
                (duration, result, outcome) -> new LeaveEvent.Stop(metadata, duration, outcome),
                (duration, exception) -> new LeaveEvent.Thrown(metadata, duration, exception));
    }

    private static List<String> subscribedTopics(JoinGroupOptions options) {
        if (!"consumer".equals(options.protocolType())) {
            return List.of();
        }
        try {
            return ConsumerPayloads.subscription(options.protocols().get(0).metadata().duplicate()).topics();
        } catch (RuntimeException notAConsumerSubscription) {
            return List.of(); // telemetry must not fail the join; the broker judges the payload
        }
    }
}
