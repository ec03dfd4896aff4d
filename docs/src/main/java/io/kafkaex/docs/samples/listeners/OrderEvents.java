package io.kafkaex.docs.samples.listeners;

/** The events of the class-level listener sample. */
final class OrderEvents {

    private OrderEvents() {
    }

    /** An order was created. */
    record OrderCreated(String orderId) {
    }

    /** An order was cancelled. */
    record OrderCancelled(String orderId, String reason) {
    }
}
