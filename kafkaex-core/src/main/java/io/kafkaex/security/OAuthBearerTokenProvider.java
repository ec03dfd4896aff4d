package io.kafkaex.security;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Where SASL OAUTHBEARER tokens come from (an identity provider's token endpoint, a file, a test helper).
 * The client calls {@link #token()} when it has no cached token or the cached one is close to expiry, on its
 * event-loop thread, so the call must return at once: do blocking work on an executor of your own, for
 * example with {@link #blocking(Supplier, Executor)}. The client caches and refreshes tokens itself
 * ({@link OAuthBearerTokenCache}); a provider need not.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface OAuthBearerTokenProvider {

    /** A fresh token; completes exceptionally when none can be had. Must not block the calling thread. */
    CompletableFuture<OAuthBearerToken> token();

    /** A provider that runs the blocking {@code source} on {@code executor} for each token asked for. */
    static OAuthBearerTokenProvider blocking(Supplier<OAuthBearerToken> source, Executor executor) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(executor, "executor");
        return () -> CompletableFuture.supplyAsync(source, executor);
    }
}
