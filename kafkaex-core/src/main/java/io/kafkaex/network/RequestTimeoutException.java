package io.kafkaex.network;

import io.kafkaex.KafkaExException;

/**
 * A request got no response within its deadline. Its connection is closed (responses arrive in order, so a
 * late one would block the rest). Whether the broker acted on the request is unknown.
 */
public class RequestTimeoutException extends KafkaExException {

    public RequestTimeoutException(String message) {
        super(message);
    }
}
