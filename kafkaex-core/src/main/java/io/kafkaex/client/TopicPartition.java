package io.kafkaex.client;

import java.util.Objects;

/** One partition of a topic, as a map key or list element of calls that span partitions. Immutable. */
public record TopicPartition(String topic, int partition) {

    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition + " (topic " + topic + ")");
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
