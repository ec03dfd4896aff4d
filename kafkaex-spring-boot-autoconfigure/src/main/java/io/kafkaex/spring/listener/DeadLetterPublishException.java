package io.kafkaex.spring.listener;

import io.kafkaex.KafkaExException;

/**
 * The {@link DeadLetterPublishingRecoverer} could not publish failed records to their dead-letter topic (the topic is
 * invalid, not writable, or the broker did not acknowledge in time). The records were not committed; the error handler
 * tries again later. The message names the topic, the records and what to check.
 */
public class DeadLetterPublishException extends KafkaExException {

    public DeadLetterPublishException(String message, Throwable cause) {
        super(message, cause);
    }

    public DeadLetterPublishException(String message) {
        super(message);
    }
}
