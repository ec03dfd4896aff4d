package io.kafkaex.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code [:kafka_ex, :consumer, :join, *]} span: one JoinGroup request of a consumer group member.
 * Emitted on the client's event-loop thread.
 */
public sealed interface JoinEvent extends TelemetryEvent {

    /** The metadata shared by the start, stop and exception events. */
    Metadata metadata();

    /**
     * Who joins which group.
     *
     * @param groupId the consumer group
     * @param memberId the member id; empty on the first join
     * @param topics the topics the member subscribes to
     */
    record Metadata(String groupId, String memberId, List<String> topics) {
    }

    /**
     * {@code [:kafka_ex, :consumer, :join, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the operation started
     */
    record Start(Metadata metadata, Instant systemTime) implements JoinEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_JOIN_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerJoinStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :join, :stop]}.
     *
     * @param duration measurement: time from start until the operation ended
     * @param generationId the generation the member joined; -1 on an error
     * @param leader whether the member became the group leader; false on an error
     * @param outcome whether the operation succeeded, and the error if not
     */
    record Stop(Metadata metadata, Duration duration, int generationId, boolean leader, Outcome outcome)
            implements JoinEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_JOIN_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerJoinStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :join, :exception]}: the operation threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception) implements JoinEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_JOIN_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerJoinException(this);
        }
    }
}
