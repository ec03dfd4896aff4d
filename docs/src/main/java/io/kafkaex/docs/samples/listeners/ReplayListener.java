package io.kafkaex.docs.samples.listeners;

import io.kafkaex.docs.samples.Order;
import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.annotation.PartitionOffset;
import io.kafkaex.spring.annotation.TopicPartition;

import org.springframework.stereotype.Component;

/** Fixed partitions, dealt out to two members, one of them from an initial offset. */
@Component
class ReplayListener {

    // tag::replay[]
    @KafkaExListener(id = "replay", groupId = "orders-replay", concurrency = "2",
            topicPartitions = @TopicPartition(topic = "orders", partitions = {"1", "2"},
                    partitionOffsets = @PartitionOffset(partition = "0", initialOffset = "0")))
    void replay(Order order) {
        // orders-1 and orders-2 from the group's committed offsets, orders-0 from offset 0
    }
    // end::replay[]
}
