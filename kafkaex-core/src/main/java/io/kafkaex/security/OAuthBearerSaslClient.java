package io.kafkaex.security;

import java.nio.charset.StandardCharsets;

/**
 * SASL OAUTHBEARER (RFC 7628, Kafka's KIP-255 with KIP-342 extensions): one client message
 * {@code n,,^Aauth=Bearer <token>^A[key=value^A]*^A} (GS2 header without authorization identity, {@code ^A}
 * = 0x01). The broker answers an accepted token with an empty message; a refused one with a JSON error
 * status, to which RFC 7628 section 3.2.3 requires the client to reply with a single {@code ^A}, after which
 * the broker fails the exchange with its message. Not thread-safe; one instance per authentication.
 */
final class OAuthBearerSaslClient implements SaslMechanismClient {

    /** The mechanism's name in SaslHandshake. */
    static final String MECHANISM = "OAUTHBEARER";
    private static final char SEPARATOR = '\u0001';

    private final OAuthBearerToken token;
    private final OAuthBearerExtensions extensions;
    private boolean sent;
    private boolean complete;
    private String serverError;

    OAuthBearerSaslClient(OAuthBearerToken token, OAuthBearerExtensions extensions) {
        this.token = token;
        this.extensions = extensions;
    }

    @Override
    public String mechanism() {
        return MECHANISM;
    }

    @Override
    public byte[] initialResponse() {
        sent = true;
        StringBuilder message = new StringBuilder("n,,").append(SEPARATOR).append("auth=Bearer ").append(token.value())
                .append(SEPARATOR);
        extensions.asMap().forEach((key, value) -> message.append(key).append('=').append(value).append(SEPARATOR));
        return message.append(SEPARATOR).toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        if (!sent || complete) {
            throw new SaslProtocolException("OAUTHBEARER: unexpected message from the broker");
        }
        if (serverError != null) {
            throw new SaslProtocolException("OAUTHBEARER: the broker refused the token of " + token.principalName()
                    + ": " + serverError);
        }
        if (challenge.length == 0) {
            complete = true;
            return null;
        }
        serverError = new String(challenge, StandardCharsets.UTF_8);
        return new byte[] {SEPARATOR};
    }

    @Override
    public boolean isComplete() {
        return complete;
    }
}
