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
 * One SASL authentication of one connection: SaslHandshake v1 (the broker must enable the mechanism, else
 * the error names those it offers), then SaslAuthenticate round trips carrying the mechanism's tokens until
 * the {@link SaslMechanismClient} is complete. Brokers without SaslHandshake v1 or SaslAuthenticate (before
 * Kafka 1.0, which expect raw tokens after the handshake) are refused with {@link SaslProtocolException}.
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
        requireFramedTokens();
        return connection.send(new RequestSpec<>(ApiKey.SASL_HANDSHAKE,
                        version -> new SaslHandshakeRequest().setMechanism(client.mechanism()),
                        SaslHandshakeResponse::read, REQUEST_TIMEOUT))
                .thenCompose(handshake -> {
                    checkHandshake(handshake);
                    return authenticate(client.initialResponse());
                });
    }

    private void requireFramedTokens() {
        boolean handshakeV1 = connection.apiVersions().range(ApiKey.SASL_HANDSHAKE).map(range -> range.max() >= 1).orElse(false);
        boolean authenticate = connection.apiVersions().range(ApiKey.SASL_AUTHENTICATE).isPresent();
        if (!handshakeV1 || !authenticate) {
            throw new SaslProtocolException("The broker offers no SaslHandshake v1 with SaslAuthenticate (Kafka 1.0+);"
                    + " SASL with raw tokens, as older brokers expect, is not supported");
        }
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
        if (!client.isComplete()) {
            throw new SaslProtocolException(client.mechanism() + ": the exchange ended before the client was done");
        }
        return CompletableFuture.completedFuture(
                new AuthenticatedSession(Duration.ofMillis(Math.max(0, response.sessionLifetimeMs()))));
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
