package io.kafkaex.docs.samples.quickstart;

import io.kafkaex.docs.samples.Order;
import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.core.KafkaExTemplate;
import io.kafkaex.spring.support.KafkaExHeaders;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Service;

// tag::order-service[]
@Service
class OrderService {

    private final KafkaExTemplate<String, Order> template;

    OrderService(KafkaExTemplate<String, Order> template) {
        this.template = template;
    }

    void place(Order order) {
        template.send("orders", order.id(), order)                     // key String, value JSON
                .whenComplete((result, failure) -> { /* on the client's callback thread */ });
    }

    @KafkaExListener(topics = "orders")
    void onOrder(Order order, @Header(KafkaExHeaders.RECEIVED_KEY) String key) {
        // runs on the partition's worker thread; partitions run in parallel
    }
}
// end::order-service[]
