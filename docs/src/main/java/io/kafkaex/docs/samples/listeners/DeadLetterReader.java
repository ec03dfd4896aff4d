package io.kafkaex.docs.samples.listeners;

import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.listener.ConsumedRecord;
import io.kafkaex.spring.listener.DeadLetterHeaders;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Reads a dead-letter topic with the {@link DeadLetterHeaders} the recoverer adds. */
@Component
class DeadLetterReader {

    // tag::dead-letter-listener[]
    @KafkaExListener(topics = "orders.DLT", groupId = "orders-dead-letters")
    void deadLetter(ConsumedRecord<String, byte[]> record,
            @Header(DeadLetterHeaders.EXCEPTION_FQCN) String exception,
            @Header(DeadLetterHeaders.ATTEMPTS) String attempts) {
        // the value as raw bytes: also records that could not be read as JSON arrive here
    }
    // end::dead-letter-listener[]
}
