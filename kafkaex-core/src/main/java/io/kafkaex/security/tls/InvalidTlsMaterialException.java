package io.kafkaex.security.tls;

import io.kafkaex.KafkaExException;

/**
 * TLS options name material that cannot be used: a missing file, a wrong password, a store of the wrong type,
 * PEM text without the expected blocks. The message says which source and what is wrong; it never contains a
 * password or key.
 */
public class InvalidTlsMaterialException extends KafkaExException {

    public InvalidTlsMaterialException(String message) {
        super(message);
    }
}
