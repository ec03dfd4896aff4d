package io.kafkaex.spring.serialization;

import io.kafkaex.KafkaExException;

/** A value could not be written to bytes or read from them; the message names the topic and the type. */
public class SerializationException extends KafkaExException {

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }

    public SerializationException(String message) {
        super(message);
    }
}
