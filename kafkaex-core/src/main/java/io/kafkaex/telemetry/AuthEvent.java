package io.kafkaex.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code [:kafka_ex, :auth, *]} span: SASL authentication of a new connection (handshake and
 * authenticate exchanges), or a re-authentication. Emitted on the client's event-loop thread.
 */
public sealed interface AuthEvent extends TelemetryEvent {

    /** The metadata shared by the start, stop and exception events. */
    Metadata metadata();

    /**
     * Which authentication.
     *
     * @param broker the broker being authenticated to
     * @param mechanism the SASL mechanism: {@code PLAIN}, {@code SCRAM-SHA-256}, {@code SCRAM-SHA-512},
     *     {@code OAUTHBEARER} or {@code AWS_MSK_IAM}
     * @param reauthentication whether a ready connection authenticates again before its session ends (KIP-368)
     *     rather than a new connection for the first time
     */
    record Metadata(BrokerInfo broker, String mechanism, boolean reauthentication) {
    }

    /**
     * {@code [:kafka_ex, :auth, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the operation started
     */
    record Start(Metadata metadata, Instant systemTime) implements AuthEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.AUTH_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onAuthStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :auth, :stop]}.
     * Carries a result on success as well as on failure. A failure also closes the connection with
     * {@link ConnectionCloseReason#AUTH_ERROR}.
     *
     * @param duration measurement: time from start until the operation ended
     * @param outcome whether the operation succeeded, and the error if not
     */
    record Stop(Metadata metadata, Duration duration, Outcome outcome) implements AuthEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.AUTH_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onAuthStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :auth, :exception]}: the operation threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception) implements AuthEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.AUTH_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onAuthException(this);
        }
    }
}
