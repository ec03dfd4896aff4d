package io.kafkaex.sample;

import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.listener.Acknowledgment;

import org.springframework.stereotype.Component;

/**
 * A listener with manual acknowledgment: the {@code order-shipping} group commits an order's offset only after
 * {@link Acknowledgment#acknowledge()}, so an order whose shipment was not done yet is read again after a restart or
 * a rebalance. Orders that processing rejects are acknowledged without a shipment.
 *
 * <p>Runs on the partitions' worker threads, in parallel across partitions.
 */
@Component
public class OrderShippingListener {

    private final OrderActivity activity;

    public OrderShippingListener(OrderActivity activity) {
        this.activity = activity;
    }

    @KafkaExListener(id = "order-shipping", topics = OrderTopics.ORDERS, commitMode = "manual")
    public void ship(Order order, Acknowledgment acknowledgment) {
        if (order.problem() == null) {
            activity.shipped(order.id());
        }
        acknowledgment.acknowledge();
    }
}
