package io.kafkaex.docs.samples.core;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.GenConsumer;
import io.kafkaex.consumer.HandleResult;
import io.kafkaex.protocol.record.Record;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link GenConsumer} that counts the records of each partition and logs its rebalances. */
// tag::order-counter[]
class OrderCounter implements GenConsumer<Long> {

    private static final Logger log = LoggerFactory.getLogger(OrderCounter.class);

    @Override
    public Long init(TopicPartition partition) {                 // kafka_ex init/3
        return 0L;
    }

    @Override
    public HandleResult<Long> handleMessageSet(List<Record> records, Long count) {
        return HandleResult.asyncCommit(count + records.size()); // or syncCommit(state)
    }

    @Override
    public void assignmentsReceived(Set<TopicPartition> partitions) {
        log.info("assigned {}", partitions);                     // before the partitions' first fetch
    }

    @Override
    public void assignmentsRevoked(Set<TopicPartition> partitions) {
        log.info("revoked {}", partitions);                      // after their last batches were handled and committed
    }
}
// end::order-counter[]
