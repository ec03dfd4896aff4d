package io.kafkaex.sample;

import java.math.BigDecimal;

/**
 * An order as the REST API takes it and as it travels through the {@value OrderTopics#ORDERS} topic (JSON). Immutable;
 * any thread.
 *
 * @param id       the order's id, also the record key (so one order's records stay in one partition); generated when
 *                 a request leaves it out
 * @param customer who ordered; the customer {@value #FAILING_CUSTOMER} makes processing fail, to show the dead-letter
 *                 path
 * @param product  what was ordered
 * @param amount   the price; a negative amount makes processing fail too
 */
public record Order(String id, String customer, String product, BigDecimal amount) {

    /** The customer whose orders processing always rejects. */
    public static final String FAILING_CUSTOMER = "fail";

    /** This order with {@code id} as its id. */
    public Order withId(String id) {
        return new Order(id, customer, product, amount);
    }

    /** Why processing rejects this order, or {@code null} when it can be processed. */
    public String problem() {
        if (FAILING_CUSTOMER.equals(customer)) {
            return "customer '" + FAILING_CUSTOMER + "' is always rejected (the sample's failure path)";
        }
        if (amount == null || amount.signum() < 0) {
            return "amount must be given and not negative, was " + amount;
        }
        return null;
    }
}
