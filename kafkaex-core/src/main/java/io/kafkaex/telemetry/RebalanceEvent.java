package io.kafkaex.telemetry;

import io.kafkaex.protocol.error.KafkaError;

/**
 * {@code [:kafka_ex, :consumer, :rebalance]}: a consumer group member found that it must rejoin its group.
 * kafka_ex's measurement {@code count} is always 1: the event itself. Not a span: it has no start, duration or
 * outcome. Emitted on the client's event-loop thread.
 *
 * @param groupId the consumer group
 * @param memberId the member id
 * @param generationId the member's generation; -1 when it has none yet
 * @param reason why the member rejoins
 * @param error the heartbeat's error for {@link RebalanceReason#HEARTBEAT_ERROR} and
 *     {@link KafkaError#REBALANCE_IN_PROGRESS} for {@link RebalanceReason#REBALANCE_IN_PROGRESS};
 *     {@link KafkaError#NONE} for {@link RebalanceReason#HEARTBEAT_TIMEOUT}
 */
public record RebalanceEvent(String groupId, String memberId, int generationId, RebalanceReason reason,
        KafkaError error) implements TelemetryEvent {

    @Override
    public TelemetryEventName name() {
        return TelemetryEventName.CONSUMER_REBALANCE;
    }

    @Override
    public void deliverTo(KafkaExTelemetryListener listener) {
        listener.onConsumerRebalance(this);
    }
}
