package io.kafkaex.telemetry;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** One sample of every telemetry event, for tests that walk all of them. */
final class TelemetryEventSamples {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    static final Duration TOOK = Duration.ofNanos(1_204_000);
    static final BrokerInfo BROKER = new BrokerInfo(1, "kafka-1", 9092);
    static final IllegalStateException BOOM = new IllegalStateException("boom");
    private static final List<TelemetryEvent> ALL = build();

    private TelemetryEventSamples() {
    }

    /** One event per {@link TelemetryEventName}, in the enum's order; the same instances on every call. */
    static List<TelemetryEvent> all() {
        return ALL;
    }

    private static List<TelemetryEvent> build() {
        RequestEvent.Metadata request = new RequestEvent.Metadata(ApiKey.PRODUCE, (short) 9, 7, "app", BROKER);
        ConnectionEvent.Metadata connection = new ConnectionEvent.Metadata(BROKER, true);
        AuthEvent.Metadata auth = new AuthEvent.Metadata(BROKER, "SCRAM-SHA-512", false);
        ProduceEvent.Metadata produce = new ProduceEvent.Metadata("orders", 3, "app", (short) -1);
        FetchEvent.Metadata fetch = new FetchEvent.Metadata("orders", 3, 42L, "app");
        CommitEvent.Metadata commit = new CommitEvent.Metadata("billing", "app", List.of("orders"), 2);
        JoinEvent.Metadata join = new JoinEvent.Metadata("billing", "", List.of("orders", "refunds"));
        SyncEvent.Metadata sync = new SyncEvent.Metadata("billing", "member-1", 5, true);
        HeartbeatEvent.Metadata heartbeat = new HeartbeatEvent.Metadata("billing", "member-1", 5);
        LeaveEvent.Metadata leave = new LeaveEvent.Metadata("billing", "member-1");
        ProcessEvent.Metadata process = new ProcessEvent.Metadata("billing", "orders", 3, "orderListener");
        MetadataUpdateEvent.Metadata metadata = new MetadataUpdateEvent.Metadata("app", List.of());
        Outcome notCoordinator = Outcome.error(KafkaErrorExceptions.of(KafkaError.NOT_COORDINATOR, null));
        return List.of(
                new RequestEvent.Start(request, NOW),
                new RequestEvent.Stop(request, TOOK, 212, 64, Outcome.ok()),
                new RequestEvent.Thrown(request, TOOK, BOOM),
                new ConnectionEvent.Start(connection, NOW),
                new ConnectionEvent.Stop(connection, TOOK, Outcome.ok()),
                new ConnectionEvent.Thrown(connection, TOOK, BOOM),
                new ConnectionEvent.Closed(connection, ConnectionCloseReason.AUTH_ERROR),
                new AuthEvent.Start(auth, NOW),
                new AuthEvent.Stop(auth, TOOK, Outcome.ok()),
                new AuthEvent.Thrown(auth, TOOK, BOOM),
                new ProduceEvent.Start(produce, NOW, 10),
                new ProduceEvent.Stop(produce, TOOK, 10, 1000L, Outcome.ok()),
                new ProduceEvent.Thrown(produce, TOOK, BOOM),
                new FetchEvent.Start(fetch, NOW),
                new FetchEvent.Stop(fetch, TOOK, 25, Outcome.ok()),
                new FetchEvent.Thrown(fetch, TOOK, BOOM),
                new CommitEvent.Start(commit, NOW),
                new CommitEvent.Stop(commit, TOOK, notCoordinator),
                new CommitEvent.Thrown(commit, TOOK, BOOM),
                new JoinEvent.Start(join, NOW),
                new JoinEvent.Stop(join, TOOK, 5, true, Outcome.ok()),
                new JoinEvent.Thrown(join, TOOK, BOOM),
                new SyncEvent.Start(sync, NOW),
                new SyncEvent.Stop(sync, TOOK, 4, Outcome.ok()),
                new SyncEvent.Thrown(sync, TOOK, BOOM),
                new HeartbeatEvent.Start(heartbeat, NOW),
                new HeartbeatEvent.Stop(heartbeat, TOOK, Outcome.ok()),
                new HeartbeatEvent.Thrown(heartbeat, TOOK, BOOM),
                new LeaveEvent.Start(leave, NOW),
                new LeaveEvent.Stop(leave, TOOK, Outcome.ok()),
                new LeaveEvent.Thrown(leave, TOOK, BOOM),
                new RebalanceEvent("billing", "member-1", 5, RebalanceReason.HEARTBEAT_ERROR,
                        KafkaError.UNKNOWN_MEMBER_ID),
                new ProcessEvent.Start(process, NOW, 10),
                new ProcessEvent.Stop(process, TOOK, 10, ProcessEvent.CommitMode.ASYNC),
                new ProcessEvent.Thrown(process, TOOK, BOOM),
                new MetadataUpdateEvent.Start(metadata, NOW),
                new MetadataUpdateEvent.Stop(metadata, TOOK, 3, 12, Outcome.ok()),
                new MetadataUpdateEvent.Thrown(metadata, TOOK, BOOM),
                new ProducerRequestEvent("app", BROKER, 3, 120, 4_000, 10_000, 2_000, 30_000_000, 2),
                new ConsumerLagEvent("billing", "invoices", 3, 1_000, 900, 950, 100, 50));
    }

    /** The callback an event should reach: {@code consumer.commit.stop} goes to {@code onConsumerCommitStop}. */
    static String callbackName(TelemetryEventName name) {
        return "on" + Arrays.stream(name.path().split("\\."))
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
    }
}
