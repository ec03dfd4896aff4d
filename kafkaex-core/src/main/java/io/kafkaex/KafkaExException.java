package io.kafkaex;

/**
 * Base of every exception KafkaEx throws. Unchecked, like the exceptions of Spring and of the Java Kafka
 * client; each subclass says what went wrong and what to do about it.
 */
public class KafkaExException extends RuntimeException {

    public KafkaExException(String message) {
        super(message);
    }

    public KafkaExException(String message, Throwable cause) {
        super(message, cause);
    }
}
