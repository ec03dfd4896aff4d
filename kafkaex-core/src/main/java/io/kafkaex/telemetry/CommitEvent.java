package io.kafkaex.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code [:kafka_ex, :consumer, :commit, *]} span: one offset commit of a consumer group member.
 * Emitted on the client's event-loop thread.
 */
public sealed interface CommitEvent extends TelemetryEvent {

    /** The metadata shared by the start, stop and exception events. */
    Metadata metadata();

    /**
     * What is committed.
     *
     * @param groupId the consumer group
     * @param clientId the committing client's id
     * @param topics the topics whose offsets are committed (kafka_ex's {@code topic}: one commit request may
     *     cover several topics)
     * @param partitionCount the number of partitions in the commit request
     */
    record Metadata(String groupId, String clientId, List<String> topics, int partitionCount) {
    }

    /**
     * {@code [:kafka_ex, :consumer, :commit, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the operation started
     */
    record Start(Metadata metadata, Instant systemTime) implements CommitEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_COMMIT_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerCommitStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :commit, :stop]}.
     *
     * @param duration measurement: time from start until the operation ended
     * @param outcome whether the operation succeeded, and the error if not
     */
    record Stop(Metadata metadata, Duration duration, Outcome outcome) implements CommitEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_COMMIT_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerCommitStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :commit, :exception]}: the operation threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception) implements CommitEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_COMMIT_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerCommitException(this);
        }
    }
}
