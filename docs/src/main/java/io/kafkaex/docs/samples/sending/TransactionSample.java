package io.kafkaex.docs.samples.sending;

import io.kafkaex.docs.samples.Order;
import io.kafkaex.spring.core.KafkaExTemplate;

/** A transaction with a transactional {@code KafkaExTemplate} ({@code kafkaex.producer.transaction-id-prefix}). */
class TransactionSample {

    private final KafkaExTemplate<String, Object> template;

    TransactionSample(KafkaExTemplate<String, Object> template) {
        this.template = template;
    }

    String placeAndAudit(Order order) {
        // tag::execute-in-transaction[]
        String outcome = template.executeInTransaction(operations -> {
            operations.send("orders", order.id(), order);
            operations.send("audit", order.id(), "placed");
            return "done";                      // both records commit together when the callback returns
        });
        // end::execute-in-transaction[]
        return outcome;
    }
}
