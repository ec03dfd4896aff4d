package io.kafkaex.security;

import io.kafkaex.network.AuthenticatedSession;
import io.kafkaex.network.AuthenticationExchange;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.SaslAuthenticateRequest;
import io.kafkaex.protocol.message.SaslAuthenticateResponse;
import io.kafkaex.protocol.message.SaslHandshakeRequest;
import io.kafkaex.protocol.message.SaslHandshakeResponse;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One SASL authentication of one connection: SaslHandshake (the broker must enable the mechanism, else the
 * error names those it offers), then round trips carrying the mechanism's tokens until the
 * {@link SaslMechanismClient} is complete. Brokers with SaslAuthenticate (Kafka 1.0+) get SaslHandshake v1 and
 * the tokens inside SaslAuthenticate requests; older ones get SaslHandshake v0 and the tokens as bare frames
 * (KIP-43), after which they report wrong credentials only by closing the connection.
 *
 * <p>A SaslAuthenticate error (wrong credentials: {@link KafkaError#SASL_AUTHENTICATION_FAILED}) fails the
 * exchange with the typed exception for that error code, carrying the broker's error message.
 *
 * <p>Event-loop thread only: started from {@link SaslAuthenticator#authenticate}, continued by the
 * exchange's futures, which complete on the event loop.
 */
final class SaslExchange {

    /** Only the exchange's own deadline (the connection set-up deadline) applies; this is a backstop. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final AuthenticationExchange connection;
    private final SaslMechanismClient client;

    SaslExchange(AuthenticationExchange connection, SaslMechanismClient client) {
        this.connection = connection;
        this.client = client;
    }

    /** Runs the exchange; completes with the session the broker granted. */
    CompletableFuture<AuthenticatedSession> run() {
        if (connection.apiVersions().range(ApiKey.SASL_HANDSHAKE).isEmpty()) {
            throw new SaslProtocolException("The broker offers no SaslHandshake: it does not support SASL on this listener");
        }
        boolean framedTokens = connection.apiVersions().range(ApiKey.SASL_AUTHENTICATE).isPresent();
        RequestSpec<SaslHandshakeResponse> handshake = new RequestSpec<>(ApiKey.SASL_HANDSHAKE,
                version -> new SaslHandshakeRequest().setMechanism(client.mechanism()),
                SaslHandshakeResponse::read, REQUEST_TIMEOUT);
        return connection.send(framedTokens ? handshake : handshake.atMostVersion((short) 0))
                .thenCompose(response -> {
                    checkHandshake(response);
                    return framedTokens ? authenticate(client.initialResponse()) : sendRaw(client.initialResponse());
                });
    }

    private void checkHandshake(SaslHandshakeResponse handshake) {
        KafkaError error = KafkaError.forCode(handshake.errorCode());
        if (error == KafkaError.UNSUPPORTED_SASL_MECHANISM || (error == KafkaError.NONE
                && !handshake.mechanisms().contains(client.mechanism()))) {
            throw KafkaErrorExceptions.of(KafkaError.UNSUPPORTED_SASL_MECHANISM, client.mechanism()
                    + " is not enabled on this listener; it offers " + handshake.mechanisms());
        }
        if (error != KafkaError.NONE) {
            throw KafkaErrorExceptions.of(error, null);
        }
    }

    private CompletableFuture<AuthenticatedSession> authenticate(byte[] token) {
        return connection.send(new RequestSpec<>(ApiKey.SASL_AUTHENTICATE,
                        version -> new SaslAuthenticateRequest().setAuthBytes(ByteBuffer.wrap(token)),
                        SaslAuthenticateResponse::read, REQUEST_TIMEOUT))
                .thenCompose(this::onAuthenticateResponse);
    }

    private CompletableFuture<AuthenticatedSession> onAuthenticateResponse(SaslAuthenticateResponse response) {
        KafkaError error = KafkaError.forCode(response.errorCode());
        if (error != KafkaError.NONE) {
            throw KafkaErrorExceptions.of(error, response.errorMessage());
        }
        byte[] reply = client.evaluateChallenge(bytes(response.authBytes()));
        if (reply != null) {
            return authenticate(reply);
        }
        requireComplete();
        return CompletableFuture.completedFuture(
                new AuthenticatedSession(Duration.ofMillis(Math.max(0, response.sessionLifetimeMs()))));
    }

    private CompletableFuture<AuthenticatedSession> sendRaw(byte[] token) {
        return connection.sendRawToken(token).thenCompose(answer -> {
            byte[] reply = client.evaluateChallenge(answer);
            if (reply != null) {
                return sendRaw(reply);
            }
            requireComplete();
            return CompletableFuture.completedFuture(AuthenticatedSession.UNLIMITED);
        });
    }

    private void requireComplete() {
        if (!client.isComplete()) {
            throw new SaslProtocolException(client.mechanism() + ": the exchange ended before the client was done");
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
