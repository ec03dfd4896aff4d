package io.kafkaex.telemetry;

/**
 * One telemetry event: an immutable record with the event's measurements and metadata. Each family of
 * events (a kafka_ex span such as {@code request} with its start, stop and exception events) is a sealed
 * sub-interface whose nested records are the events; {@link RebalanceEvent} stands alone.
 *
 * <p>Conventions shared by all events:
 * <ul>
 *   <li>a {@code start} event carries the family's {@code Metadata} and the wall-clock {@code systemTime};</li>
 *   <li>{@code stop} and {@code exception} events carry the <em>same</em> {@code Metadata} as their start
 *       event plus the {@code duration} of the operation (measured on a monotonic clock);</li>
 *   <li>a {@code stop} event carries an {@link Outcome} where the operation can end with an error result;
 *       an {@code exception} event ({@link ThrownEvent}) means the operation ended by throwing, and carries
 *       the throwable;</li>
 *   <li>counts ({@code messageCount}, {@code bytesSent}, ...) are measurements, named as such in each record.</li>
 * </ul>
 *
 * <p>The client builds events only when {@link Telemetry#isEnabled()} and hands them to
 * {@link Telemetry#emit(TelemetryEvent)} on its event-loop or worker threads. Events are immutable and may be
 * kept or passed to other threads.
 */
public sealed interface TelemetryEvent
        permits RequestEvent, ConnectionEvent, AuthEvent, ProduceEvent, FetchEvent, CommitEvent, JoinEvent,
        SyncEvent, HeartbeatEvent, LeaveEvent, RebalanceEvent, ProcessEvent, MetadataUpdateEvent, ThrownEvent,
        ProducerRequestEvent, ConsumerLagEvent {

    /** Which kafka_ex event this is. */
    TelemetryEventName name();

    /** Calls the one callback of {@code listener} that belongs to this event. Used by {@link Telemetry}. */
    void deliverTo(KafkaExTelemetryListener listener);
}
