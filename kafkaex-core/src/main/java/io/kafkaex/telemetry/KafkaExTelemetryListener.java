package io.kafkaex.telemetry;

/**
 * Observes the client: one callback per kafka_ex telemetry event (see {@code docs/telemetry.md} for the table).
 * Implement the callbacks you need; every callback defaults to {@link #onEvent(TelemetryEvent)}, which does
 * nothing, so a listener that wants every event in one place (like {@link LoggingTelemetryListener}) overrides
 * only that, and one that overrides a specific callback no longer sees that event in {@code onEvent}.
 *
 * <p>Listeners are passed to the client options (issue 4) and called through {@link Telemetry}.
 *
 * <p><b>Threads.</b> Callbacks run on the client's event-loop (I/O) thread, which serves every broker
 * connection, or on its consumer worker threads ({@link ProcessEvent}), and may run on several threads at once.
 * Implementations must be thread-safe, fast and non-blocking: no I/O, no locks held for long, no calls back into
 * the client. Hand slow work to an executor of your own. An exception thrown by a callback is logged once per
 * listener and event, and otherwise ignored; it never reaches the client.
 */
public interface KafkaExTelemetryListener {

    /**
     * The client this listener is registered on has started, before it sends anything; {@code client} may be kept
     * to sample the client's state (e.g. as gauges) until {@link #onClientClose}. Not a kafka_ex event, so it does
     * not go to {@link #onEvent}. Called once, on the thread that creates the client. Does nothing by default.
     */
    default void onClientStart(ClientState client) {
    }

    /**
     * The client this listener is registered on has closed: no events of it follow, and whatever the listener keeps
     * for it (gauges, per-partition state) can go. Not a kafka_ex event. Called once, on the thread that closes the
     * client. Does nothing by default.
     */
    default void onClientClose(ClientState client) {
    }

    /**
     * Receives every event whose specific callback is not overridden. Does nothing by default.
     *
     * @param event the event; {@link TelemetryEvent#name()} says which one
     */
    default void onEvent(TelemetryEvent event) {
    }

    /** {@code [:kafka_ex, :request, :start]}. */
    default void onRequestStart(RequestEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :request, :stop]}. */
    default void onRequestStop(RequestEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :request, :exception]}. */
    default void onRequestException(RequestEvent.Thrown event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :connection, :start]}. */
    default void onConnectionStart(ConnectionEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :connection, :stop]}. */
    default void onConnectionStop(ConnectionEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :connection, :exception]}. */
    default void onConnectionException(ConnectionEvent.Thrown event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :connection, :close]}. */
    default void onConnectionClose(ConnectionEvent.Closed event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :auth, :start]}. */
    default void onAuthStart(AuthEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :auth, :stop]}. */
    default void onAuthStop(AuthEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :auth, :exception]}. */
    default void onAuthException(AuthEvent.Thrown event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :produce, :start]}. */
    default void onProduceStart(ProduceEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :produce, :stop]}. */
    default void onProduceStop(ProduceEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :produce, :exception]}. */
    default void onProduceException(ProduceEvent.Thrown event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :fetch, :start]}. */
    default void onFetchStart(FetchEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :fetch, :stop]}. */
    default void onFetchStop(FetchEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :fetch, :exception]}. */
    default void onFetchException(FetchEvent.Thrown event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :commit, :start]}. */
    default void onConsumerCommitStart(CommitEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :commit, :stop]}. */
    default void onConsumerCommitStop(CommitEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :commit, :exception]}. */
    default void onConsumerCommitException(CommitEvent.Thrown event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :join, :start]}. */
    default void onConsumerJoinStart(JoinEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :join, :stop]}. */
    default void onConsumerJoinStop(JoinEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :join, :exception]}. */
    default void onConsumerJoinException(JoinEvent.Thrown event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :sync, :start]}. */
    default void onConsumerSyncStart(SyncEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :sync, :stop]}. */
    default void onConsumerSyncStop(SyncEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :sync, :exception]}. */
    default void onConsumerSyncException(SyncEvent.Thrown event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :heartbeat, :start]}. */
    default void onConsumerHeartbeatStart(HeartbeatEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :heartbeat, :stop]}. */
    default void onConsumerHeartbeatStop(HeartbeatEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :heartbeat, :exception]}. */
    default void onConsumerHeartbeatException(HeartbeatEvent.Thrown event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :leave, :start]}. */
    default void onConsumerLeaveStart(LeaveEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :leave, :stop]}. */
    default void onConsumerLeaveStop(LeaveEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :leave, :exception]}. */
    default void onConsumerLeaveException(LeaveEvent.Thrown event) {
        onEvent(event);
    }

    /** {@code [:kafkaex, :producer, :request]}, KafkaEx's own: a Produce request of the batching producer. */
    default void onProducerRequest(ProducerRequestEvent event) {
        onEvent(event);
    }

    /** {@code [:kafkaex, :consumer, :lag]}, KafkaEx's own: a group member's lag on one partition. */
    default void onConsumerLag(ConsumerLagEvent event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :rebalance]}. */
    default void onConsumerRebalance(RebalanceEvent event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :process, :start]}. */
    default void onConsumerProcessStart(ProcessEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :process, :stop]}. */
    default void onConsumerProcessStop(ProcessEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :consumer, :process, :exception]}. */
    default void onConsumerProcessException(ProcessEvent.Thrown event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :metadata, :update, :start]}. */
    default void onMetadataUpdateStart(MetadataUpdateEvent.Start event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :metadata, :update, :stop]}. */
    default void onMetadataUpdateStop(MetadataUpdateEvent.Stop event) {
        onEvent(event);
    }

    /** {@code [:kafka_ex, :metadata, :update, :exception]}. */
    default void onMetadataUpdateException(MetadataUpdateEvent.Thrown event) {
        onEvent(event);
    }
}
