package io.kafkaex.producer;

import io.kafkaex.KafkaExException;

/**
 * The records were not sent because their transaction was aborted first ({@link KafkaExProducer#abortTransaction()}),
 * or because an earlier failure in the transaction means it can only be aborted; the cause is that failure, when
 * there was one.
 */
public class TransactionAbortedException extends KafkaExException {

    public TransactionAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
