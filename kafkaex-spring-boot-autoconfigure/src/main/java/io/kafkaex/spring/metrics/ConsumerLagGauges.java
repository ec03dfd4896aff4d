package io.kafkaex.spring.metrics;

import io.kafkaex.telemetry.ConsumerLagEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lag gauges of one client's group members: {@value KafkaExMeterNames#LAG} and
 * {@value KafkaExMeterNames#COMMITTED_LAG} per group, topic and partition, set from {@link ConsumerLagEvent}s and
 * removed for a whole group when its member rejoins or leaves (partitions it still holds come back with their next lag
 * event, about a second later), so revoked partitions leave no gauges behind.
 *
 * <p>Thread-safe: lag events and removals may come from several threads.
 */
final class ConsumerLagGauges {

    private final MeterRegistry registry;
    private final Tags clientTags;
    private final Map<PartitionKey, PartitionGauges> gauges = new ConcurrentHashMap<>();

    /** @param registry where to register; {@code null} keeps no gauges (lag gauges disabled) */
    ConsumerLagGauges(MeterRegistry registry, Tags clientTags) {
        this.registry = registry;
        this.clientTags = clientTags;
    }

    void update(ConsumerLagEvent event) {
        if (registry == null) {
            return;
        }
        PartitionGauges partition = gauges.computeIfAbsent(
                new PartitionKey(event.groupId(), event.topic(), event.partition()), this::register);
        partition.positionLag = event.positionLag();
        partition.committedLag = event.committedLag();
    }

    /** Removes the gauges of every partition of {@code groupId}. */
    void removeGroup(String groupId) {
        if (registry == null) {
            return;
        }
        gauges.entrySet().removeIf(entry -> {
            if (entry.getKey().groupId().equals(groupId)) {
                entry.getValue().meters.forEach(registry::remove);
                return true;
            }
            return false;
        });
    }

    private PartitionGauges register(PartitionKey key) {
        PartitionGauges partition = new PartitionGauges();
        Tags tags = clientTags.and(KafkaExMeterNames.GROUP, key.groupId(), KafkaExMeterNames.TOPIC, key.topic(),
                KafkaExMeterNames.PARTITION, Integer.toString(key.partition()));
        partition.meters = List.of(
                Gauge.builder(KafkaExMeterNames.LAG, partition, p -> p.positionLag).tags(tags).baseUnit("records")
                        .description("Records the member is behind on the partition (high watermark - position)")
                        .strongReference(true).register(registry),
                Gauge.builder(KafkaExMeterNames.COMMITTED_LAG, partition, p -> p.committedLag).tags(tags)
                        .baseUnit("records")
                        .description("Records not yet committed on the partition (high watermark - committed offset)")
                        .strongReference(true).register(registry));
        return partition;
    }

    private record PartitionKey(String groupId, String topic, int partition) {
    }

    /** The latest lag values of one partition, read by its gauges. */
    private static final class PartitionGauges {
        volatile long positionLag;
        volatile long committedLag;
        List<Meter> meters = List.of();
    }
}
