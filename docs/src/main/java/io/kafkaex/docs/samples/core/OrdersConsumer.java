package io.kafkaex.docs.samples.core;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.ConsumerGroupOptions;
import io.kafkaex.consumer.GenConsumer;
import io.kafkaex.consumer.HandleResult;
import io.kafkaex.consumer.KafkaExConsumerGroup;
import io.kafkaex.protocol.record.Record;

import java.util.List;

/** The consumer group guide's handler: totals per partition. */
// tag::orders-consumer[]
class OrdersConsumer implements GenConsumer<OrderTotals> {

    @Override
    public OrderTotals init(TopicPartition partition) {            // kafka_ex init/3
        return new OrderTotals();
    }

    @Override
    public HandleResult<OrderTotals> handleMessageSet(List<Record> records, OrderTotals totals) {
        records.forEach(totals::add);
        return HandleResult.asyncCommit(totals);                    // or syncCommit(totals)
    }
}
// end::orders-consumer[]

/** Starts and stops a member running {@link OrdersConsumer}. */
final class OrdersConsumerMember {

    private OrdersConsumerMember() {
    }

    static void run(KafkaExClientOptions clientOptions) {
        // tag::start-member[]
        KafkaExConsumerGroup member = KafkaExConsumerGroup.start(
                ConsumerGroupOptions.builder(clientOptions, "orders-service", List.of("orders")).build(),
                new OrdersConsumer());
        // ...
        member.close();   // finishes the batches being handled, commits, leaves the group, ends every thread
        // end::start-member[]
    }
}
