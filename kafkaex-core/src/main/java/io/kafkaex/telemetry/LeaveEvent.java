package io.kafkaex.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code [:kafka_ex, :consumer, :leave, *]} span: one LeaveGroup request of a consumer group member.
 * Emitted on the client's event-loop thread.
 */
public sealed interface LeaveEvent extends TelemetryEvent {

    /** The metadata shared by the start, stop and exception events. */
    Metadata metadata();

    /**
     * Who leaves.
     *
     * @param groupId the consumer group
     * @param memberId the member id
     */
    record Metadata(String groupId, String memberId) {
    }

    /**
     * {@code [:kafka_ex, :consumer, :leave, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the operation started
     */
    record Start(Metadata metadata, Instant systemTime) implements LeaveEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_LEAVE_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerLeaveStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :leave, :stop]}.
     *
     * @param duration measurement: time from start until the operation ended
     * @param outcome whether the operation succeeded, and the error if not
     */
    record Stop(Metadata metadata, Duration duration, Outcome outcome) implements LeaveEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_LEAVE_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerLeaveStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :leave, :exception]}: the operation threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception) implements LeaveEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_LEAVE_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerLeaveException(this);
        }
    }
}
