package io.kafkaex.telemetry;

/**
 * {@code [:kafkaex, :consumer, :lag]}, KafkaEx's own event: how far a consumer group member is behind on one of its
 * partitions, emitted about once a second per assigned partition while the partition's high watermark is known. Not a
 * span. Emitted on the client's event-loop thread.
 *
 * @param groupId the consumer group
 * @param topic the topic
 * @param partition the partition
 * @param highWatermark measurement: the partition's high watermark (with read_committed, its last stable offset)
 * @param committedOffset measurement: the offset the member last committed, or -1
 * @param position measurement: the offset after the last record the member processed
 * @param committedLag measurement: {@code highWatermark - committedOffset} (the high watermark when nothing was
 *     committed yet)
 * @param positionLag measurement: {@code highWatermark - position}
 */
public record ConsumerLagEvent(String groupId, String topic, int partition, long highWatermark, long committedOffset,
        long position, long committedLag, long positionLag) implements TelemetryEvent {

    @Override
    public TelemetryEventName name() {
        return TelemetryEventName.CONSUMER_LAG;
    }

    @Override
    public void deliverTo(KafkaExTelemetryListener listener) {
        listener.onConsumerLag(this);
    }
}
