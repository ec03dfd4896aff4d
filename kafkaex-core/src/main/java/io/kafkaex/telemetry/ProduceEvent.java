package io.kafkaex.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code [:kafka_ex, :produce, *]} span: producing one batch of messages to one partition, from
 * sending it until the broker acknowledged it (or the attempt failed). Emitted on the client's event-loop
 * thread.
 */
public sealed interface ProduceEvent extends TelemetryEvent {

    /** The metadata shared by the start, stop and exception events. */
    Metadata metadata();

    /**
     * Which partition, and how.
     *
     * @param topic the topic
     * @param partition the partition
     * @param clientId the producing client's id
     * @param acks the acknowledgements requested on the wire: -1 (all in-sync replicas), 0 or 1
     */
    record Metadata(String topic, int partition, String clientId, short acks) {
    }

    /**
     * {@code [:kafka_ex, :produce, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the operation started
     * @param messageCount measurement: number of messages in the batch
     */
    record Start(Metadata metadata, Instant systemTime, int messageCount) implements ProduceEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.PRODUCE_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onProduceStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :produce, :stop]}.
     *
     * @param duration measurement: time from start until the operation ended
     * @param messageCount measurement: number of messages in the batch
     * @param baseOffset the offset the broker gave the batch's first message; -1 when unknown (an error,
     *     or {@code acks} 0)
     * @param outcome whether the operation succeeded, and the error if not
     */
    record Stop(Metadata metadata, Duration duration, int messageCount, long baseOffset, Outcome outcome)
            implements ProduceEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.PRODUCE_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onProduceStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :produce, :exception]}: the operation threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception) implements ProduceEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.PRODUCE_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onProduceException(this);
        }
    }
}
