package io.kafkaex.sample;

import io.kafkaex.spring.annotation.KafkaExListener;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * A batch listener: the {@code order-audit} group reads the same orders as {@link OrderListener}, independently, and
 * gets each fetched batch of a partition in one call. It only notes which orders came together.
 *
 * <p>Runs on the partitions' worker threads, in parallel across partitions.
 */
@Component
public class OrderAuditListener {

    private final OrderActivity activity;

    public OrderAuditListener(OrderActivity activity) {
        this.activity = activity;
    }

    @KafkaExListener(id = "order-audit", topics = OrderTopics.ORDERS, batch = "true")
    public void audit(List<Order> orders) {
        activity.audited(orders.stream().map(Order::id).toList());
    }
}
