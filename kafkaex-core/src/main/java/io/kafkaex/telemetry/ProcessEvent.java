package io.kafkaex.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code [:kafka_ex, :consumer, :process, *]} span: a consumer handling one batch of messages of one
 * partition, from handing it to the user's code until that code returned. Emitted on the consumer's
 * worker thread for that partition, not on the event loop.
 */
public sealed interface ProcessEvent extends TelemetryEvent {

    /** The metadata shared by the start, stop and exception events. */
    Metadata metadata();

    /**
     * Which consumer handles what.
     *
     * @param groupId the consumer group
     * @param topic the topic
     * @param partition the partition
     * @param consumer the name of the consuming code, e.g. the listener's id (kafka_ex's
     *     {@code consumer_module})
     */
    record Metadata(String groupId, String topic, int partition, String consumer) {
    }

    /**
     * {@code [:kafka_ex, :consumer, :process, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the operation started
     * @param messageCount measurement: number of messages in the batch
     */
    record Start(Metadata metadata, Instant systemTime, int messageCount) implements ProcessEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_PROCESS_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerProcessStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :process, :stop]}.
     * There is no error result: user code that fails throws, which gives a {@link Thrown} event.
     *
     * @param duration measurement: time from start until the operation ended
     * @param messageCount measurement: number of messages in the batch
     * @param commitMode how the batch's offsets are committed
     */
    record Stop(Metadata metadata, Duration duration, int messageCount, CommitMode commitMode) implements ProcessEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_PROCESS_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerProcessStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :process, :exception]}: the operation threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception) implements ProcessEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_PROCESS_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerProcessException(this);
        }
    }

    /** How a processed batch's offsets are committed: kafka_ex's {@code :sync_commit} and {@code :async_commit}. */
    enum CommitMode {
        /** The commit completes before the next batch is processed. */
        SYNC,
        /** The commit is sent without waiting for its answer. */
        ASYNC
    }
}
