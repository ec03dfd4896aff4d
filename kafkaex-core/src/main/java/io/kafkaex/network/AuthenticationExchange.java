package io.kafkaex.network;

import io.kafkaex.telemetry.BrokerInfo;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What a {@link ConnectionAuthenticator} may do with a connection that is being authenticated: learn which
 * broker and API versions it talks to, and send requests on it (SaslHandshake, SaslAuthenticate) ahead of all
 * queued requests, at the highest version both sides support. On a re-authentication the requests sent
 * before it may still be in flight; the authentication's requests are answered after them.
 *
 * <p>{@link #send} must be called on the event-loop thread: from {@code authenticate} itself, from a
 * continuation of a future this exchange returned, or through {@link #eventLoop()}.
 */
public interface AuthenticationExchange {

    /** The broker the connection goes to. */
    InetSocketAddress broker();

    /** The broker as telemetry names it: its node id once cluster metadata named it, its host and port. */
    BrokerInfo brokerInfo();

    /** Whether this authenticates a ready connection again (KIP-368) rather than a new one. */
    boolean isReauthentication();

    /** The API versions the broker offered on this connection. */
    BrokerApiVersions apiVersions();

    /** Sends {@code spec} on this connection now; its future completes on the event loop. */
    <T> CompletableFuture<T> send(RequestSpec<T> spec);

    /**
     * Sends {@code token} as a bare size-prefixed frame, without a Kafka request header, and completes on the
     * event loop with the broker's next frame, as bare: SASL after a SaslHandshake v0, which brokers without
     * SaslAuthenticate expect.
     */
    CompletableFuture<byte[]> sendRawToken(byte[] token);

    /** Runs tasks on the connection's event-loop thread. */
    Executor eventLoop();
}
