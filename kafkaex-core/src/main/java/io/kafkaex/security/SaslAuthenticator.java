package io.kafkaex.security;

import io.kafkaex.network.AuthenticationExchange;
import io.kafkaex.network.ConnectionAuthenticator;
import io.kafkaex.telemetry.AsyncSpan;
import io.kafkaex.telemetry.AuthEvent;
import io.kafkaex.telemetry.BrokerInfo;
import io.kafkaex.telemetry.Telemetry;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Authenticates every new broker connection with SASL ({@link SaslExchange}), one fresh
 * {@link SaslMechanismClient} per connection, and reports each authentication as an {@code auth} telemetry
 * span (start, then stop with the outcome). A failure is terminal for that connection attempt; the network
 * layer closes the connection and reconnects only after its backoff.
 *
 * <p>Keeps the session lifetime each broker granted last (SaslAuthenticate v1+), the input of a later
 * re-authentication (KIP-368). The broker in telemetry is named by address; its node id is
 * {@link BrokerInfo#UNKNOWN_NODE_ID}.
 *
 * <p>{@link #authenticate} runs on the event-loop thread; {@link #sessionLifetime} may be read from any thread.
 */
public final class SaslAuthenticator implements ConnectionAuthenticator {

    private final String mechanism;
    private final Function<AuthenticationExchange, CompletableFuture<SaslMechanismClient>> clients;
    private final Telemetry telemetry;
    private final Map<InetSocketAddress, Duration> sessionLifetimes = new ConcurrentHashMap<>();

    /** Authenticates with {@code credentials}, reporting to {@code telemetry}. */
    public SaslAuthenticator(SaslCredentials credentials, Telemetry telemetry) {
        this(credentials.mechanism().wireName(), credentials::newClient, telemetry);
    }

    /** Authenticates with the clients {@code clients} makes, which all use {@code mechanism}. */
    public SaslAuthenticator(String mechanism, Supplier<SaslMechanismClient> clients, Telemetry telemetry) {
        this(telemetry, mechanism, exchange -> CompletableFuture.completedFuture(clients.get()));
    }

    /**
     * Authenticates with OAUTHBEARER, sending the tokens {@code tokens} hands out together with
     * {@code extensions}. The token is awaited without blocking; the exchange goes on on the event loop.
     */
    public static SaslAuthenticator oauthBearer(OAuthBearerTokenCache tokens, OAuthBearerExtensions extensions,
            Telemetry telemetry) {
        return new SaslAuthenticator(telemetry, OAuthBearerSaslClient.MECHANISM, exchange -> {
            CompletableFuture<OAuthBearerToken> token = tokens.token();
            Function<OAuthBearerToken, SaslMechanismClient> client = t -> new OAuthBearerSaslClient(t, extensions);
            return token.isDone() ? token.thenApply(client) : token.thenApplyAsync(client, exchange.eventLoop());
        });
    }

    private SaslAuthenticator(Telemetry telemetry, String mechanism,
            Function<AuthenticationExchange, CompletableFuture<SaslMechanismClient>> clients) {
        this.mechanism = mechanism;
        this.clients = clients;
        this.telemetry = telemetry;
    }

    @Override
    public CompletableFuture<Void> authenticate(AuthenticationExchange exchange) {
        if (!telemetry.isEnabled()) {
            return run(exchange);
        }
        InetSocketAddress broker = exchange.broker();
        AuthEvent.Metadata metadata = new AuthEvent.Metadata(
                new BrokerInfo(BrokerInfo.UNKNOWN_NODE_ID, broker.getHostString(), broker.getPort()), mechanism);
        return AsyncSpan.observe(telemetry, new AuthEvent.Start(metadata, Instant.now()), () -> run(exchange),
                (duration, result, outcome) -> new AuthEvent.Stop(metadata, duration, outcome),
                (duration, thrown) -> new AuthEvent.Thrown(metadata, duration, thrown));
    }

    /**
     * The session lifetime {@code broker} granted at the last successful authentication, if it set one
     * (brokers with {@code connections.max.reauth.ms}).
     */
    public Optional<Duration> sessionLifetime(InetSocketAddress broker) {
        return Optional.ofNullable(sessionLifetimes.get(broker));
    }

    private CompletableFuture<Void> run(AuthenticationExchange exchange) {
        CompletableFuture<Duration> authenticated;
        try {
            authenticated = clients.apply(exchange).thenCompose(client -> new SaslExchange(exchange, client).run());
        } catch (RuntimeException e) {
            authenticated = CompletableFuture.failedFuture(e);
        }
        return authenticated.thenAccept(lifetime -> {
            if (lifetime.isZero()) {
                sessionLifetimes.remove(exchange.broker());
            } else {
                sessionLifetimes.put(exchange.broker(), lifetime);
            }
        });
    }
}
