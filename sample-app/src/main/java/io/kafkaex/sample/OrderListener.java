package io.kafkaex.sample;

import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.support.KafkaExHeaders;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Processes each order, one record per call, in the {@code order-processing} group. An order it rejects (see
 * {@link Order#problem()}) makes it throw: the error handler retries it ({@code kafkaex.listener.error-handler.*}),
 * then publishes it to {@value OrderTopics#ORDERS_DEAD_LETTERS}, and the partition goes on with the next order.
 *
 * <p>Runs on the partitions' worker threads, in parallel across partitions.
 */
@Component
public class OrderListener {

    private final OrderActivity activity;

    public OrderListener(OrderActivity activity) {
        this.activity = activity;
    }

    @KafkaExListener(id = "order-processing", topics = OrderTopics.ORDERS)
    public void process(Order order, @Header(KafkaExHeaders.RECEIVED_PARTITION) int partition,
            @Header(KafkaExHeaders.OFFSET) long offset) {
        String problem = order.problem();
        if (problem != null) {
            throw new IllegalArgumentException("Cannot process order " + order.id() + ": " + problem);
        }
        activity.processed(new OrderActivity.ProcessedOrder(order, partition, offset));
    }
}
