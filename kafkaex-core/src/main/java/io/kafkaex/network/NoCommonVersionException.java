package io.kafkaex.network;

import io.kafkaex.KafkaExException;

/**
 * KafkaEx and a broker share no version of an API: the broker is too old or too new for this client, or the
 * API is disabled there. The message names the API and both version ranges.
 */
public class NoCommonVersionException extends KafkaExException {

    public NoCommonVersionException(String message) {
        super(message);
    }
}
