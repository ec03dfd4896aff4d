package io.kafkaex.docs.samples.listeners;

import java.math.BigDecimal;

/** A payment of the manual commit sample. */
record Payment(String orderId, BigDecimal amount) {
}
