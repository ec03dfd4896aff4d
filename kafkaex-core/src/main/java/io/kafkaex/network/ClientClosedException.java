package io.kafkaex.network;

import io.kafkaex.KafkaExException;

/**
 * The client was closed while an operation waited for it (a retry's backoff, a metadata refresh): the
 * operation ends here instead of waiting forever. Not retriable; create a new client.
 */
public class ClientClosedException extends KafkaExException {

    public ClientClosedException(String clientId) {
        super("The KafkaEx client '" + clientId + "' was closed; the operation was abandoned");
    }
}
