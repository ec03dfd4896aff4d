package io.kafkaex.docs.samples.listeners;

/** Where the manual commit sample books payments; thread-safe, as listeners call it from partition workers. */
interface Ledger {

    /** Books the payment; {@code false} when it could not be booked yet. */
    boolean book(Payment payment);
}
