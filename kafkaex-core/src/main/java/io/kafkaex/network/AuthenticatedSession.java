package io.kafkaex.network;

import java.time.Duration;
import java.util.Objects;

/**
 * What a successful authentication of a connection grants: how long the broker accepts requests on it before
 * the connection must authenticate again (KIP-368; brokers set it with {@code connections.max.reauth.ms}, and
 * for OAUTHBEARER no later than the token expires). Immutable.
 *
 * @param lifetime the session lifetime the broker granted; {@link Duration#ZERO} when it set none
 */
public record AuthenticatedSession(Duration lifetime) {

    /** A session without an end: no re-authentication is needed. */
    public static final AuthenticatedSession UNLIMITED = new AuthenticatedSession(Duration.ZERO);

    public AuthenticatedSession {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("A session lifetime cannot be negative: " + lifetime);
        }
    }

    /** Whether the broker ends the session after {@link #lifetime()}, so the connection must re-authenticate. */
    public boolean expires() {
        return !lifetime.isZero();
    }
}
