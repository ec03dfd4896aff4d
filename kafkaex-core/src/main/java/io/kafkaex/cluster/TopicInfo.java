package io.kafkaex.cluster;

import io.kafkaex.protocol.error.KafkaError;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One topic as the last Metadata response described it, including a topic-level error (for example
 * {@link KafkaError#UNKNOWN_TOPIC_OR_PARTITION} or {@link KafkaError#TOPIC_AUTHORIZATION_FAILED}), which is
 * kept rather than dropped.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name       the topic name
 * @param topicId    the topic id (Metadata v10+), or {@link #NO_TOPIC_ID}
 * @param internal   whether this is an internal topic such as {@code __consumer_offsets} (Metadata v1+)
 * @param error      the topic's error, {@link KafkaError#NONE} when fine
 * @param partitions the partitions, kept sorted by partition index
 */
public record TopicInfo(String name, UUID topicId, boolean internal, KafkaError error,
        List<PartitionInfo> partitions) {

    /** The {@link #topicId()} when the response carries none: the all-zero UUID, as on the wire. */
    public static final UUID NO_TOPIC_ID = new UUID(0L, 0L);

    public TopicInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(error, "error");
        partitions = partitions.stream().sorted(Comparator.comparingInt(PartitionInfo::partition)).toList();
    }

    /** The partition with this index, or empty when the response did not list it. */
    public Optional<PartitionInfo> partition(int index) {
        if (index >= 0 && index < partitions.size() && partitions.get(index).partition() == index) {
            return Optional.of(partitions.get(index));
        }
        return partitions.stream().filter(p -> p.partition() == index).findFirst();
    }

    /** Whether the response carried a topic id. */
    public boolean hasTopicId() {
        return !NO_TOPIC_ID.equals(topicId);
    }
}
