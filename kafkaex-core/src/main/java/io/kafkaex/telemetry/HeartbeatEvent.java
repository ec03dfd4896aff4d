package io.kafkaex.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code [:kafka_ex, :consumer, :heartbeat, *]} span: one Heartbeat request of a consumer group
 * member. Emitted on the client's event-loop thread.
 */
public sealed interface HeartbeatEvent extends TelemetryEvent {

    /** The metadata shared by the start, stop and exception events. */
    Metadata metadata();

    /**
     * Whose heartbeat.
     *
     * @param groupId the consumer group
     * @param memberId the member id
     * @param generationId the member's generation
     */
    record Metadata(String groupId, String memberId, int generationId) {
    }

    /**
     * {@code [:kafka_ex, :consumer, :heartbeat, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the operation started
     */
    record Start(Metadata metadata, Instant systemTime) implements HeartbeatEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_HEARTBEAT_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerHeartbeatStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :heartbeat, :stop]}.
     *
     * @param duration measurement: time from start until the operation ended
     * @param outcome whether the operation succeeded, and the error if not
     */
    record Stop(Metadata metadata, Duration duration, Outcome outcome) implements HeartbeatEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_HEARTBEAT_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerHeartbeatStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :heartbeat, :exception]}: the operation threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception) implements HeartbeatEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_HEARTBEAT_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerHeartbeatException(this);
        }
    }
}
