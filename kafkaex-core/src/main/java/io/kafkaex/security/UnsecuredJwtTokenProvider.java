package io.kafkaex.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * <strong>For tests and development only, never production:</strong> makes unsigned JWTs (an unsecured JWS,
 * RFC 7515 with {@code "alg":"none"}) with the claims {@code sub}, {@code iat}, {@code exp} and {@code scope}
 * (a list), as Kafka's unsecured JWT validator accepts them. Anyone can forge such a token; a broker that
 * accepts them authenticates nobody. Each call makes a new token valid from now for the configured lifetime.
 *
 * <p>Immutable and thread-safe; never blocks.
 */
public final class UnsecuredJwtTokenProvider implements OAuthBearerTokenProvider {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

    private final String subject;
    private final List<String> scopes;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param subject the {@code sub} claim (the principal)
     * @param scopes the {@code scope} claim's entries, possibly none
     * @param lifetime how long each token is valid, at least one second (JWT times are in seconds)
     */
    public UnsecuredJwtTokenProvider(String subject, List<String> scopes, Duration lifetime, Clock clock) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.scopes = List.copyOf(scopes);
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lifetime must be at least 1 s, was " + lifetime);
        }
    }

    /** With the system clock. */
    public UnsecuredJwtTokenProvider(String subject, List<String> scopes, Duration lifetime) {
        this(subject, scopes, lifetime, Clock.systemUTC());
    }

    @Override
    public CompletableFuture<OAuthBearerToken> token() {
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiresAt = issuedAt.plusSeconds(lifetime.toSeconds());
        String claims = "{\"sub\":" + SaslJson.quote(subject) + ",\"iat\":" + issuedAt.getEpochSecond() + ",\"exp\":"
                + expiresAt.getEpochSecond() + ",\"scope\":["
                + scopes.stream().map(SaslJson::quote).collect(Collectors.joining(",")) + "]}";
        String value = HEADER + "." + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        return CompletableFuture.completedFuture(new OAuthBearerToken(value, issuedAt, expiresAt, subject));
    }

    @Override
    public String toString() {
        return "UnsecuredJwtTokenProvider[subject=" + subject + ", scopes=" + scopes + ", lifetime=" + lifetime + "]";
    }
}
