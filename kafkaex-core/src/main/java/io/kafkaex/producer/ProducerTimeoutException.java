package io.kafkaex.producer;

import io.kafkaex.KafkaExException;

/**
 * A send that could not finish in the time the producer allows: {@code send} waited {@code max-block} for
 * metadata or buffer space, or a record was not acknowledged within {@code delivery-timeout}. The message says
 * which, and what to change.
 */
public class ProducerTimeoutException extends KafkaExException {

    public ProducerTimeoutException(String message) {
        super(message);
    }

    public ProducerTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
