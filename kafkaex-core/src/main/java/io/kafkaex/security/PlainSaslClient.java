package io.kafkaex.security;

import java.nio.charset.StandardCharsets;

/**
 * SASL PLAIN (RFC 4616): one message {@code [authzid] NUL authcid NUL passwd} with an empty authorization
 * identity; the broker's empty answer ends the exchange. Not thread-safe; one instance per authentication.
 */
final class PlainSaslClient implements SaslMechanismClient {

    private final String username;
    private final Password password;
    private boolean sent;
    private boolean complete;

    PlainSaslClient(String username, Password password) {
        this.username = username;
        this.password = password;
    }

    @Override
    public String mechanism() {
        return SaslMechanism.PLAIN.wireName();
    }

    @Override
    public byte[] initialResponse() {
        sent = true;
        return ("\u0000" + username + "\u0000" + password.reveal()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        if (!sent || complete) {
            throw new SaslProtocolException("PLAIN: unexpected message from the broker");
        }
        complete = true;
        return null;
    }

    @Override
    public boolean isComplete() {
        return complete;
    }
}
