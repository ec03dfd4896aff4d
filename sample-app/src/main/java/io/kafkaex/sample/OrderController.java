package io.kafkaex.sample;

import io.kafkaex.spring.core.KafkaExOperations;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's REST API: {@code POST /orders} sends an order as JSON to {@value OrderTopics#ORDERS} through the
 * KafkaEx template, keyed by its id, and answers where the broker put it; the {@code GET} endpoints show what the
 * listeners did with the orders ({@link OrderActivity}). Called on web request threads.
 */
@RestController
@RequestMapping("/orders")
public class OrderController {

    private final KafkaExOperations<Object, Object> template;
    private final OrderActivity activity;

    public OrderController(KafkaExOperations<Object, Object> template, OrderActivity activity) {
        this.template = template;
        this.activity = activity;
    }

    /**
     * Sends the order (with a generated id when it has none). The response completes when the broker acknowledged
     * the record; the request thread does not wait for it.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public CompletableFuture<SendReceipt> place(@RequestBody Order order) {
        Order identified = order.id() == null || order.id().isBlank() ? order.withId(UUID.randomUUID().toString()) : order;
        return template.send(OrderTopics.ORDERS, identified.id(), identified)
                .thenApply(result -> new SendReceipt(identified.id(), OrderTopics.ORDERS, result.partition(),
                        result.offset()));
    }

    @GetMapping("/processed")
    public List<OrderActivity.ProcessedOrder> processed() {
        return activity.processed();
    }

    @GetMapping("/shipped")
    public List<String> shipped() {
        return activity.shipped();
    }

    @GetMapping("/audit")
    public List<List<String>> audit() {
        return activity.auditedBatches();
    }

    @GetMapping("/dead-letters")
    public List<OrderActivity.DeadLetter> deadLetters() {
        return activity.deadLetters();
    }

    /** Where a placed order was written. */
    public record SendReceipt(String orderId, String topic, int partition, long offset) {
    }
}
