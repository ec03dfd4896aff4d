package io.kafkaex.spring.endpoint;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.PartitionLag;
import io.kafkaex.spring.listener.MessageListenerContainer;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the {@code kafkaex} actuator endpoint shows of one listener container: a snapshot taken when it was built,
 * serialized to JSON by the actuator. Immutable.
 *
 * @param id the listener id
 * @param groupId the consumer group
 * @param topics the subscribed topics, sorted
 * @param state the container state (STOPPED, STARTING, RUNNING, FAILED)
 * @param running whether the container is started
 * @param paused whether a pause was requested
 * @param partitions the held partitions with their lag, sorted by topic and partition
 * @param failure the failure of a FAILED container, or {@code null}
 */
public record ListenerDescription(String id, String groupId, List<String> topics, String state, boolean running,
        boolean paused, List<PartitionDescription> partitions, String failure) {

    /**
     * One held partition.
     *
     * @param lag records behind (high watermark - position), or {@code null} while unknown
     * @param committedLag records not committed (high watermark - committed offset), or {@code null} while unknown
     */
    public record PartitionDescription(String topic, int partition, Long lag, Long committedLag) {
    }

    /** A snapshot of {@code container} now. */
    public static ListenerDescription of(MessageListenerContainer container) {
        Map<TopicPartition, PartitionLag> lag = container.getLag();
        List<PartitionDescription> partitions = container.getAssignments().stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .map(partition -> {
                    PartitionLag known = lag.get(partition);
                    return new PartitionDescription(partition.topic(), partition.partition(),
                            known == null ? null : known.positionLag(), known == null ? null : known.committedLag());
                })
                .toList();
        return new ListenerDescription(container.getListenerId(), container.getGroupId(),
                container.getTopics().stream().sorted().toList(), container.getState().name(), container.isRunning(),
                container.isPauseRequested(), partitions,
                container.getFailure().map(failure -> failure.getClass().getSimpleName() + ": " + failure.getMessage())
                        .orElse(null));
    }
}
