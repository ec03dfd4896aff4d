package io.kafkaex.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code [:kafka_ex, :consumer, :sync, *]} span: one SyncGroup request of a consumer group member,
 * which receives the member's partition assignment. Emitted on the client's event-loop thread.
 */
public sealed interface SyncEvent extends TelemetryEvent {

    /** The metadata shared by the start, stop and exception events. */
    Metadata metadata();

    /**
     * Who syncs.
     *
     * @param groupId the consumer group
     * @param memberId the member id
     * @param generationId the generation being synced
     * @param leader whether the member is the leader, which sends the group's assignment
     */
    record Metadata(String groupId, String memberId, int generationId, boolean leader) {
    }

    /**
     * {@code [:kafka_ex, :consumer, :sync, :start]}.
     *
     * @param systemTime measurement: wall-clock time at which the operation started
     */
    record Start(Metadata metadata, Instant systemTime) implements SyncEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_SYNC_START;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerSyncStart(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :sync, :stop]}.
     *
     * @param duration measurement: time from start until the operation ended
     * @param assignedPartitions measurement: number of partitions assigned to this member, over all
     *     topics; 0 on an error
     * @param outcome whether the operation succeeded, and the error if not
     */
    record Stop(Metadata metadata, Duration duration, int assignedPartitions, Outcome outcome) implements SyncEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_SYNC_STOP;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerSyncStop(this);
        }
    }

    /**
     * {@code [:kafka_ex, :consumer, :sync, :exception]}: the operation threw.
     *
     * @param duration measurement: time from start until the throw
     * @param exception what was thrown (kafka_ex's {@code kind}, {@code reason} and {@code stacktrace})
     */
    record Thrown(Metadata metadata, Duration duration, Throwable exception) implements SyncEvent, ThrownEvent {

        @Override
        public TelemetryEventName name() {
            return TelemetryEventName.CONSUMER_SYNC_EXCEPTION;
        }

        @Override
        public void deliverTo(KafkaExTelemetryListener listener) {
            listener.onConsumerSyncException(this);
        }
    }
}
