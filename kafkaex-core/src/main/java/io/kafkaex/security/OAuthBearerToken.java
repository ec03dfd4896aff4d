package io.kafkaex.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An OAuth 2 bearer token for SASL OAUTHBEARER: its value (sent to the broker), when it was issued and when it
 * expires, and the principal it names. {@link #toString()} never shows the value. Immutable and thread-safe.
 *
 * @param value the token as sent after {@code Bearer } (RFC 6750 {@code b64token}, typically a JWT)
 * @param issuedAt when the token's lifetime began
 * @param expiresAt when the broker stops accepting it; after {@code issuedAt}
 * @param principalName the principal the token names (its {@code sub}), for logs and messages
 */
public record OAuthBearerToken(String value, Instant issuedAt, Instant expiresAt, String principalName) {

    /** RFC 6750 section 2.1: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    /**
     * @throws IllegalArgumentException when the value is not an RFC 6750 token or the expiry is not after the
     *     issue time; the message never contains the value
     */
    public OAuthBearerToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(principalName, "principalName");
        if (!B64TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("The OAuth bearer token of " + principalName
                    + " is empty or has characters outside RFC 6750's b64token (value not shown)");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("The OAuth bearer token of " + principalName + " expires at " + expiresAt
                    + ", not after it was issued at " + issuedAt);
        }
    }

    /** How long the token is valid from its issue time. */
    public Duration lifetime() {
        return Duration.between(issuedAt, expiresAt);
    }

    /** Whether the token is no longer valid at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "OAuthBearerToken[principalName=" + principalName + ", issuedAt=" + issuedAt + ", expiresAt="
                + expiresAt + ", value=" + Password.REDACTED + "]";
    }
}
