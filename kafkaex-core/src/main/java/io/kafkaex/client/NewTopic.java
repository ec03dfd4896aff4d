package io.kafkaex.client;

import java.util.Map;

/**
 * A topic to create: name, partitions, replication factor and configuration entries. -1 partitions or
 * replication factor means the broker's default. Immutable.
 */
public record NewTopic(String name, int numPartitions, short replicationFactor, Map<String, String> configs) {

    public NewTopic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A topic needs a name");
        }
        if (numPartitions == 0 || numPartitions < -1) {
            throw new IllegalArgumentException("Topic " + name + ": numPartitions must be positive or -1 (broker default), was "
                    + numPartitions);
        }
        if (replicationFactor == 0 || replicationFactor < -1) {
            throw new IllegalArgumentException("Topic " + name + ": replicationFactor must be positive or -1 (broker default), was "
                    + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }

    /** A topic with the broker's default partitions and replication factor, as kafka_ex's defaults. */
    public static NewTopic of(String name) {
        return new NewTopic(name, -1, (short) -1, Map.of());
    }

    public NewTopic withPartitions(int partitions) {
        return new NewTopic(name, partitions, replicationFactor, configs);
    }

    public NewTopic withReplicationFactor(int factor) {
        return new NewTopic(name, numPartitions, (short) factor, configs);
    }

    public NewTopic withConfigs(Map<String, String> entries) {
        return new NewTopic(name, numPartitions, replicationFactor, entries);
    }
}
