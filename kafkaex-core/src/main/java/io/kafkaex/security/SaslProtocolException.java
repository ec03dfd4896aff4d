package io.kafkaex.security;

import io.kafkaex.KafkaExException;

/**
 * The client stopped a SASL exchange because the broker's side of it is wrong or unusable: a malformed
 * message, a SCRAM server nonce that does not extend the client's, a server signature that does not verify
 * (wrong password stored on the broker, or someone in the middle), or a broker without a usable SaslHandshake
 * or SaslAuthenticate version. Terminal for that connection attempt. Never contains a secret.
 *
 * <p>Immutable and thread-safe.
 */
public class SaslProtocolException extends KafkaExException {

    public SaslProtocolException(String message) {
        super(message);
    }

    public SaslProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
