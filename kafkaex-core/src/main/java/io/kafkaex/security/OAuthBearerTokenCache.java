package io.kafkaex.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Caches the last OAUTHBEARER token of a client and asks the {@link OAuthBearerTokenProvider} for a new one when
 * the cached one is within its refresh window: less than {@code refreshWindow} (a fraction, 0.2 by default) of
 * its lifetime left. Connections opened at the same time share one provider call. A token that has expired is
 * never handed out: if the provider fails or returns an expired token, the cached one is used while it is still
 * valid, else the request fails with a {@link SaslProtocolException} that names the principal, never the token.
 *
 * <p>Thread-safe: may be used from several event loops.
 */
public final class OAuthBearerTokenCache {

    /** Refresh when less than this fraction of a token's lifetime is left. */
    public static final double DEFAULT_REFRESH_WINDOW = 0.2;

    private final OAuthBearerTokenProvider provider;
    private final double refreshWindow;
    private final Clock clock;
    private OAuthBearerToken cached;
    private CompletableFuture<OAuthBearerToken> inFlight;

    /**
     * @param refreshWindow the fraction of a token's lifetime, above 0 and below 1, left when it is replaced
     */
    public OAuthBearerTokenCache(OAuthBearerTokenProvider provider, double refreshWindow, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(refreshWindow > 0 && refreshWindow < 1)) {
            throw new IllegalArgumentException("refreshWindow must be above 0 and below 1, was " + refreshWindow);
        }
        this.refreshWindow = refreshWindow;
    }

    /** A cache with the default refresh window and the system clock. */
    public OAuthBearerTokenCache(OAuthBearerTokenProvider provider) {
        this(provider, DEFAULT_REFRESH_WINDOW, Clock.systemUTC());
    }

    /** A token valid now: the cached one, or a new one from the provider; the future may complete on any thread. */
    public synchronized CompletableFuture<OAuthBearerToken> token() {
        Instant now = clock.instant();
        if (cached != null && !needsRefresh(cached, now)) {
            return CompletableFuture.completedFuture(cached);
        }
        if (inFlight != null) {
            return inFlight;
        }
        CompletableFuture<OAuthBearerToken> asked;
        try {
            asked = Objects.requireNonNull(provider.token(), "the token provider returned no future");
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<OAuthBearerToken> result = asked.handle(this::accept);
        if (!result.isDone()) { // accept, which clears inFlight, waits for this lock
            inFlight = result;
        }
        return result;
    }

    /** Whether {@code token} has less than the refresh window of its lifetime left at {@code now}. */
    boolean needsRefresh(OAuthBearerToken token, Instant now) {
        if (token.isExpiredAt(now)) {
            return true;
        }
        Duration left = Duration.between(now, token.expiresAt());
        return left.toNanos() < token.lifetime().toNanos() * refreshWindow;
    }

    private synchronized OAuthBearerToken accept(OAuthBearerToken fresh, Throwable failure) {
        inFlight = null;
        Instant now = clock.instant();
        if (failure == null && fresh != null && !fresh.isExpiredAt(now)) {
            cached = fresh;
            return fresh;
        }
        if (cached != null && !cached.isExpiredAt(now)) {
            return cached;
        }
        String why = failure != null ? "failed: " + failure
                : fresh == null ? "returned no token" : "returned a token of " + fresh.principalName() + " that expired at "
                + fresh.expiresAt();
        throw new SaslProtocolException("OAUTHBEARER: the token provider " + why + "; no valid token to send", failure);
    }
}
