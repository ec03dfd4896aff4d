package io.kafkaex.docs.samples.gettingstarted;

import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.core.KafkaExTemplate;
import io.kafkaex.spring.core.SendResult;
import io.kafkaex.spring.listener.DeadLetterHeaders;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Service;

/** The getting-started guide's service: sends orders as JSON, books them, logs the ones that failed. */
// tag::order-service[]
@Service
class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final KafkaExTemplate<String, Order> template;
    final Set<String> booked = ConcurrentHashMap.newKeySet();
    final Map<String, String> notBooked = new ConcurrentHashMap<>();

    OrderService(KafkaExTemplate<String, Order> template) {
        this.template = template;
    }

    CompletableFuture<SendResult<String, Order>> place(Order order) {
        return template.send("orders", order.id(), order);      // key as UTF-8, value as JSON
    }

    @KafkaExListener(topics = "orders")
    void onOrder(Order order) {
        if (order.quantity() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + order);
        }
        booked.add(order.id());
    }

    @KafkaExListener(topics = "orders.DLT", groupId = "orders-dead-letters")
    void onDeadLetter(Order order, @Header(DeadLetterHeaders.EXCEPTION_MESSAGE) String reason) {
        log.warn("order {} was not booked: {}", order.id(), reason);
        notBooked.put(order.id(), reason);
    }
}
// end::order-service[]
