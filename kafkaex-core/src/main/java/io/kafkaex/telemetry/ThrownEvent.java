package io.kafkaex.telemetry;

import java.time.Duration;

/**
 * The {@code exception} event of any span ({@code RequestEvent.Thrown}, {@code ProduceEvent.Thrown}, ...): the
 * operation ended by throwing. Lets a listener treat all of them alike, e.g. count failures per family. Immutable.
 */
public sealed interface ThrownEvent extends TelemetryEvent
        permits RequestEvent.Thrown, ConnectionEvent.Thrown, AuthEvent.Thrown, ProduceEvent.Thrown, FetchEvent.Thrown,
        CommitEvent.Thrown, JoinEvent.Thrown, SyncEvent.Thrown, HeartbeatEvent.Thrown, LeaveEvent.Thrown,
        ProcessEvent.Thrown, MetadataUpdateEvent.Thrown {

    /** Measurement: time from the span's start until the throw. */
    Duration duration();

    /** What was thrown: kafka_ex's {@code kind}, {@code reason} and {@code stacktrace} in one. */
    Throwable exception();
}
