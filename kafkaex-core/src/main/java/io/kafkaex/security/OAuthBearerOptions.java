package io.kafkaex.security;

import java.time.Clock;
import java.util.Objects;

/**
 * The SASL OAUTHBEARER settings of a client: where tokens come from, the KIP-342 extensions sent with each,
 * and the refresh window of its {@link OAuthBearerTokenCache}. Shows no token. Immutable and thread-safe.
 *
 * @param provider the token provider
 * @param extensions the extensions sent with every token
 * @param refreshWindow the fraction of a token's lifetime left when a new one is asked for
 */
public record OAuthBearerOptions(OAuthBearerTokenProvider provider, OAuthBearerExtensions extensions,
        double refreshWindow) {

    public OAuthBearerOptions {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(extensions, "extensions");
        if (!(refreshWindow > 0 && refreshWindow < 1)) {
            throw new IllegalArgumentException("refreshWindow must be above 0 and below 1, was " + refreshWindow);
        }
    }

    /** A new token cache for one client. */
    public OAuthBearerTokenCache newTokenCache() {
        return new OAuthBearerTokenCache(provider, refreshWindow, Clock.systemUTC());
    }
}
