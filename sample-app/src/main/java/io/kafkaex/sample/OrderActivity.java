package io.kafkaex.sample;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.stereotype.Component;

/**
 * What the sample's listeners did, kept in memory so that {@link OrderController} can show it: processed orders,
 * shipped orders, audited batches and dead letters. Listeners add to it on their partition worker threads and web
 * requests read it concurrently; every method is thread-safe. It forgets everything on restart.
 */
@Component
public class OrderActivity {

    private final Queue<ProcessedOrder> processed = new ConcurrentLinkedQueue<>();
    private final Queue<String> shipped = new ConcurrentLinkedQueue<>();
    private final Queue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();
    private final Queue<List<String>> auditedBatches = new ConcurrentLinkedQueue<>();

    void processed(ProcessedOrder order) {
        processed.add(order);
    }

    void shipped(String orderId) {
        shipped.add(orderId);
    }

    void audited(List<String> batchOrderIds) {
        auditedBatches.add(List.copyOf(batchOrderIds));
    }

    void deadLettered(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
    }

    public List<ProcessedOrder> processed() {
        return List.copyOf(processed);
    }

    public List<String> shipped() {
        return List.copyOf(shipped);
    }

    /** The ids of the orders of each batch the audit listener got, oldest batch first. */
    public List<List<String>> auditedBatches() {
        return List.copyOf(auditedBatches);
    }

    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** An order {@link OrderListener} processed, and where it was read from. */
    public record ProcessedOrder(Order order, int partition, long offset) {
    }

    /**
     * A record of the dead-letter topic, as {@link DeadLetterListener} read it: the failed record's value and the
     * {@code kafkaex_dlt-*} headers the error handler added.
     */
    public record DeadLetter(String value, String originalTopic, String originalPartition, String originalOffset,
            String listenerId, String exception, String exceptionMessage, String attempts) {
    }
}
