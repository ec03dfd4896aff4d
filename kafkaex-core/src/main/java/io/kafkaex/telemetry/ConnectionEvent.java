package io.kafkaex.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code [:kafka_ex, :connection, *]} events: opening a connection to a broker (TCP connect, TLS
 * handshake, API version negotiation and SASL authentication, which has its own {@link AuthEvent} span
 * inside), and {@link Closed} when a connection closes. Emitted on the client's event-loop thread.
 */
public sealed interface ConnectionEvent extends TelemetryEvent {

    /** The metadata shared by all connection events, including {@link Closed}. */
    Metadata metadata();

    /**
     * Which connection.
     *
     * @param broker the broker the connection goes to
     * @param tls whether the connection uses TLS (kafka_ex's {@code ssl})
     */
    record Metadata(BrokerInfo broker, boolean tls) {
    }

    /**
     * {@code [:kafka_ex, :connection, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the operation started
     */
    record Start(Metadata metadata, Instant systemTime) implements ConnectionEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONNECTION_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConnectionStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :connection, :stop]}.
     * An error result means the connection could not be established; kafka_ex's
     * {@code success} is {@link Outcome#isOk()}.
     *
     * @param duration measurement: time from start until the operation ended
     * @param outcome whether the operation succeeded, and the error if not
     */
    record Stop(Metadata metadata, Duration duration, Outcome outcome) implements ConnectionEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONNECTION_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConnectionStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :connection, :exception]}: the operation threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception) implements ConnectionEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONNECTION_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConnectionException(this);
        }
    }

    /**
     * {@code [:kafka_ex, :connection, :close]}: a connection closed. kafka_ex's measurement {@code count} is
     * always 1: the event itself. Not a span: it has no start, duration or outcome.
     *
     * @param reason why the connection closed
     */
    record Closed(Metadata metadata, ConnectionCloseReason reason) implements ConnectionEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONNECTION_CLOSE;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConnectionClose(this);
        }
    }
}
