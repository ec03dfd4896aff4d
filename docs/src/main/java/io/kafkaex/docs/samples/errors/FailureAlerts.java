package io.kafkaex.docs.samples.errors;

import io.kafkaex.spring.listener.ErrorDecision;
import io.kafkaex.spring.listener.FailedDelivery;
import io.kafkaex.spring.listener.ListenerFailureListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Hears every failed listener invocation and the error handler's decision: alerts when records were given up. */
// tag::failure-listener[]
@Component
class FailureAlerts implements ListenerFailureListener {

    private static final Logger log = LoggerFactory.getLogger(FailureAlerts.class);

    @Override
    public void onFailure(FailedDelivery delivery, ErrorDecision decision) {   // on the partition's worker thread
        if (decision instanceof ErrorDecision.Recovered) {
            log.error("{} gave up {} record(s) of {} after {} attempt(s)", delivery.listenerId(),
                    delivery.records().size(), delivery.partition(), delivery.attempt(), delivery.error());
        }
    }
}
// end::failure-listener[]
