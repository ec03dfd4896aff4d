package io.kafkaex.telemetry;

import io.kafkaex.protocol.ApiKey;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code [:kafka_ex, :request, *]} span: one request on the wire, from handing it to a broker connection
 * until its response arrived (or the request failed), for every API including the startup ApiVersions and
 * metadata requests. Emitted on the client's event-loop thread.
 */
public sealed interface RequestEvent extends TelemetryEvent {

    /** The metadata shared by the start, stop and exception events. */
    Metadata metadata();

    /**
     * What the request is.
     *
     * @param api the API (kafka_ex's {@code operation})
     * @param apiVersion the API version the request was encoded at
     * @param correlationId the request's correlation id on its connection
     * @param clientId the client id sent in the request header
     * @param broker the broker the request goes to; known from the start, because every request is sent on
     *     one broker's connection
     */
    record Metadata(ApiKey api, short apiVersion, int correlationId, String clientId, BrokerInfo broker) {
    }

    /**
     * {@code [:kafka_ex, :request, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the request started
     */
    record Start(Metadata metadata, Instant systemTime) implements RequestEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.REQUEST_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onRequestStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :request, :stop]}. An error result means no response arrived (timeout, disconnect);
     * error codes inside a response are reported by the event of the operation that sent the request.
     *
     * @param duration measurement: time from start until the response was read or the request failed
     * @param bytesSent measurement: bytes of the request frame, including its 4-byte size prefix
     * @param bytesReceived measurement: bytes of the response frame, including its 4-byte size prefix; 0 when
     *     no response arrived
     */
    record Stop(Metadata metadata, Duration duration, long bytesSent, long bytesReceived, Outcome outcome)
            implements RequestEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.REQUEST_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onRequestStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :request, :exception]}: sending or reading the request threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception) implements RequestEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.REQUEST_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onRequestException(this);
        }
    }
}
