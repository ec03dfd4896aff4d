package io.kafkaex.security;

import io.kafkaex.network.AuthenticatedSession;
import io.kafkaex.network.AuthenticationExchange;
import io.kafkaex.network.ConnectionAuthenticator;
import io.kafkaex.telemetry.AsyncSpan;
import io.kafkaex.telemetry.AuthEvent;
import io.kafkaex.telemetry.Telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Authenticates broker connections with SASL ({@link SaslExchange}), one fresh {@link SaslMechanismClient}
 * per authentication, and reports each as an {@code auth} telemetry span (start, then stop with the outcome),
 * re-authentications (KIP-368) included. Completes with the session lifetime the broker granted
 * (SaslAuthenticate v1+), from which the connection schedules its re-authentication. A failure is terminal
 * for that connection attempt; the network layer closes the connection and reconnects only after its backoff.
 *
 * <p>{@link #authenticate} runs on the event-loop thread.
 */
public final class SaslAuthenticator implements ConnectionAuthenticator {

    private final String mechanism;
    private final Function<AuthenticationExchange, CompletableFuture<? extends SaslMechanismClient>> clients;
    private final Telemetry telemetry;

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
        return new SaslAuthenticator(telemetry, OAuthBearerSaslClient.MECHANISM,
                exchange -> tokens.token().thenApply(token -> new OAuthBearerSaslClient(token, extensions)));
    }

    /**
     * Authenticates with AWS_MSK_IAM, signing for each broker's host name with the credentials
     * {@code options} provides. The credentials are awaited without blocking; the signing and the exchange go on
     * on the event loop.
     */
    public static SaslAuthenticator awsMskIam(AwsMskIamOptions options, Telemetry telemetry) {
        return awsMskIam(options, telemetry, Clock.systemUTC());
    }

    /** {@link #awsMskIam(AwsMskIamOptions, Telemetry)} signing at {@code clock}'s time; a seam for tests. */
    static SaslAuthenticator awsMskIam(AwsMskIamOptions options, Telemetry telemetry, Clock clock) {
        return new SaslAuthenticator(telemetry, AwsMskIamSaslClient.MECHANISM, exchange -> {
            String host = exchange.broker().getHostString();
            return options.credentials().credentials()
                    .thenApply(credentials -> new AwsMskIamSaslClient(host, options.region(), credentials, clock));
        });
    }

    private SaslAuthenticator(Telemetry telemetry, String mechanism,
            Function<AuthenticationExchange, CompletableFuture<? extends SaslMechanismClient>> clients) {
        this.mechanism = mechanism;
        this.clients = clients;
        this.telemetry = telemetry;
    }

    @Override
    public CompletableFuture<AuthenticatedSession> authenticate(AuthenticationExchange exchange) {
        if (!telemetry.isEnabled()) {
            return run(exchange);
        }
        AuthEvent.Metadata metadata = new AuthEvent.Metadata(exchange.brokerInfo(), mechanism,
                exchange.isReauthentication());
        return AsyncSpan.observe(telemetry, new AuthEvent.Start(metadata, Instant.now()), () -> run(exchange),
                (duration, result, outcome) -> new AuthEvent.Stop(metadata, duration, outcome),
                (duration, thrown) -> new AuthEvent.Thrown(metadata, duration, thrown));
    }

    private CompletableFuture<AuthenticatedSession> run(AuthenticationExchange exchange) {
        try {
            CompletableFuture<? extends SaslMechanismClient> client = clients.apply(exchange);
            // a client made off the event loop (an awaited token or credentials) is used back on it
            Executor continuation = client.isDone() ? Runnable::run : exchange.eventLoop();
            return client.thenComposeAsync(c -> new SaslExchange(exchange, c).run(), continuation);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
