package io.kafkaex.client;

import java.util.List;
import java.util.Optional;

/** The per-partition outcomes of {@code deleteRecords}, in the order the partitions were given. Immutable. */
public record DeleteRecordsResult(List<DeletedRecords> partitions) implements ItemResults<DeletedRecords> {

    public DeleteRecordsResult {
        partitions = List.copyOf(partitions);
    }

    @Override
    public List<DeletedRecords> items() {
        return partitions;
    }

    /** The outcome for one partition, or empty when it was not part of the call. */
    public Optional<DeletedRecords> partition(String topic, int partition) {
        TopicPartition key = new TopicPartition(topic, partition);
        return partitions.stream().filter(outcome -> outcome.partition().equals(key)).findFirst();
    }
}
