package io.kafkaex.network;

import java.util.concurrent.CompletableFuture;

/**
 * The security hook of a broker connection: runs once the connection has negotiated API versions and before
 * it takes requests (state AUTHENTICATING), and again on a ready connection before the session the broker
 * granted ends (KIP-368 re-authentication; other requests then wait while the ones in flight complete). SASL
 * authentication plugs in here; {@link #NONE} lets every connection straight through. A failed future closes
 * the connection (telemetry reason {@code AUTH_ERROR}) and fails every request waiting for it with that
 * failure, as it is.
 *
 * <p>Called on the client's event-loop thread, once per connection; it must not block. Work that must wait
 * for something else (fetching a token) runs elsewhere and hops back through
 * {@link AuthenticationExchange#eventLoop()} before sending.
 */
@FunctionalInterface
public interface ConnectionAuthenticator {

    /** No authentication: the connection is ready right after API versions are negotiated. */
    ConnectionAuthenticator NONE = exchange -> CompletableFuture.completedFuture(AuthenticatedSession.UNLIMITED);

    /**
     * Authenticates the connection of {@code exchange}; completes when it may take requests, with the session
     * the broker granted.
     */
    CompletableFuture<AuthenticatedSession> authenticate(AuthenticationExchange exchange);
}
