package io.kafkaex.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code [:kafka_ex, :fetch, *]} span: fetching messages of one partition from a given offset.
 * Emitted on the client's event-loop thread.
 */
public sealed interface FetchEvent extends TelemetryEvent {

    /** The metadata shared by the start, stop and exception events. */
    Metadata metadata();

    /**
     * What is fetched.
     *
     * @param topic the topic
     * @param partition the partition
     * @param offset the offset the fetch starts at
     * @param clientId the fetching client's id
     */
    record Metadata(String topic, int partition, long offset, String clientId) {
    }

    /**
     * {@code [:kafka_ex, :fetch, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the operation started
     */
    record Start(Metadata metadata, Instant systemTime) implements FetchEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.FETCH_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onFetchStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :fetch, :stop]}.
     *
     * @param duration measurement: time from start until the operation ended
     * @param messageCount measurement: number of messages handed on, at or after {@code offset}; 0 on
     *     an error
     * @param outcome whether the operation succeeded, and the error if not
     */
    record Stop(Metadata metadata, Duration duration, int messageCount, Outcome outcome) implements FetchEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.FETCH_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onFetchStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :fetch, :exception]}: the operation threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception) implements FetchEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.FETCH_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onFetchException(this);
        }
    }
}
