package io.kafkaex.docs.samples.errors;

import io.kafkaex.spring.annotation.KafkaExListener;

import org.springframework.stereotype.Component;

/** A listener with an error handler of its own. */
@Component
class PaymentsListener {

    // tag::listener-error-handler[]
    @KafkaExListener(topics = "payments", errorHandler = "paymentsHandler")
    // end::listener-error-handler[]
    void payment(String payment) {
        // failures are retried every 5 s, ten times, by the paymentsHandler bean
    }
}
