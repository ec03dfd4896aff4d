package io.kafkaex.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code [:kafka_ex, :metadata, :update, *]} span: one refresh of the cluster metadata (brokers,
 * topics, partitions, leaders). Emitted on the client's event-loop thread.
 */
public sealed interface MetadataUpdateEvent extends TelemetryEvent {

    /** The metadata shared by the start, stop and exception events. */
    Metadata metadata();

    /**
     * What is refreshed.
     *
     * @param clientId the client's id
     * @param topics the topics asked for; empty for all topics
     */
    record Metadata(String clientId, List<String> topics) {
    }

    /**
     * {@code [:kafka_ex, :metadata, :update, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the operation started
     */
    record Start(Metadata metadata, Instant systemTime) implements MetadataUpdateEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.METADATA_UPDATE_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onMetadataUpdateStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :metadata, :update, :stop]}.
     *
     * @param duration measurement: time from start until the operation ended
     * @param brokerCount measurement: number of brokers in the answer; 0 on an error
     * @param topicCount measurement: number of topics in the answer; 0 on an error
     * @param outcome whether the operation succeeded, and the error if not
     */
    record Stop(Metadata metadata, Duration duration, int brokerCount, int topicCount, Outcome outcome)
            implements MetadataUpdateEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.METADATA_UPDATE_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onMetadataUpdateStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :metadata, :update, :exception]}: the operation threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception)
            implements MetadataUpdateEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.METADATA_UPDATE_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onMetadataUpdateException(this);
        }
    }
}
