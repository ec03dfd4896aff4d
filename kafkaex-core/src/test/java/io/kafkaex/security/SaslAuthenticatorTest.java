package io.kafkaex.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kafkaex.network.AuthenticatedSession;
import io.kafkaex.protocol.ProtocolMessage;
import io.kafkaex.protocol.error.KafkaAuthenticationException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.SaslAuthenticateRequest;
import io.kafkaex.protocol.message.SaslAuthenticateResponse;
import io.kafkaex.protocol.message.SaslHandshakeRequest;
import io.kafkaex.protocol.message.SaslHandshakeResponse;
import io.kafkaex.telemetry.AuthEvent;
import io.kafkaex.telemetry.Telemetry;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The SASL framing against a scripted broker: handshake checks, token round trips, errors, lifetime, telemetry. */
class SaslAuthenticatorTest {

    private static final List<String> OFFERED = List.of("PLAIN", "SCRAM-SHA-256");
    // RFC 7677's SCRAM-SHA-256 exchange (user "user", password "pencil").
    private static final String NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private final RecordedAuthEvents recorded = new RecordedAuthEvents();
    private final List<AuthEvent> events = recorded.all;
    private final Telemetry telemetry = Telemetry.of(List.of(recorded));

    @Test
    void scramRunsOverSaslAuthenticateAndKeepsTheSessionLifetime() {
        List<String> serverMessages = new ArrayList<>(List.of(SERVER_FIRST, SERVER_FINAL));
        FakeSaslBroker broker = new FakeSaslBroker(1, true, handshakeThen(token ->
                authenticated(serverMessages.remove(0)).setSessionLifetimeMs(60_000)));
        SaslAuthenticator authenticator = rfcScram();

        AuthenticatedSession session = authenticator.authenticate(broker).join();

        assertThat(broker.requests).hasSize(3);
        assertThat(((SaslHandshakeRequest) broker.requests.get(0)).mechanism()).isEqualTo("SCRAM-SHA-256");
        assertThat(token(broker.requests.get(1))).isEqualTo("n,,n=user,r=" + NONCE);
        assertThat(token(broker.requests.get(2))).startsWith("c=biws,r=").endsWith(",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(session.lifetime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(AuthEvent.Start.class);
        assertThat(events.get(0).metadata().mechanism()).isEqualTo("SCRAM-SHA-256");
        assertThat(((AuthEvent.Stop) events.get(1)).outcome().isOk()).isTrue();
    }

    @Test
    void aReauthenticationIsReportedAsSuchWithTheBrokersNodeId() {
        List<String> serverMessages = new ArrayList<>(List.of(SERVER_FIRST, SERVER_FINAL));
        FakeSaslBroker broker = new FakeSaslBroker(1, true, handshakeThen(token -> authenticated(serverMessages.remove(0))));
        broker.reauthentication = true;

        AuthenticatedSession session = rfcScram().authenticate(broker).join();

        assertThat(session.expires()).isFalse();
        assertThat(events).hasSize(2).allSatisfy(event -> {
            assertThat(event.metadata().reauthentication()).isTrue();
            assertThat(event.metadata().broker()).isEqualTo(FakeSaslBroker.BROKER_INFO);
        });
    }

    @Test
    void aMechanismTheBrokerDoesNotOfferFailsNamingTheOfferedOnes() {
        FakeSaslBroker broker = new FakeSaslBroker(1, true, request -> new SaslHandshakeResponse()
                .setErrorCode(KafkaError.UNSUPPORTED_SASL_MECHANISM.code()).setMechanisms(OFFERED));

        Throwable failure = failureOf(new SaslAuthenticator(new SaslCredentials(SaslMechanism.SCRAM_SHA_512, "user",
                Password.of("pencil")), telemetry).authenticate(broker));

        assertThat(failure).isInstanceOf(KafkaAuthenticationException.class)
                .hasMessageContaining("SCRAM-SHA-512 is not enabled on this listener; it offers [PLAIN, SCRAM-SHA-256]");
        assertThat(broker.requests).hasSize(1);
    }

    @Test
    void aSaslAuthenticateErrorCarriesTheBrokersMessageAndStopsTheExchange() {
        FakeSaslBroker broker = new FakeSaslBroker(1, true, handshakeThen(token -> new SaslAuthenticateResponse()
                .setErrorCode(KafkaError.SASL_AUTHENTICATION_FAILED.code()).setErrorMessage("Invalid username or password")
                .setAuthBytes(ByteBuffer.allocate(0))));

        Throwable failure = failureOf(new SaslAuthenticator(new SaslCredentials(SaslMechanism.PLAIN, "user",
                Password.of("pencil")), telemetry).authenticate(broker));

        assertThat(failure).isInstanceOf(KafkaAuthenticationException.class).hasMessageNotContaining("pencil");
        assertThat(((KafkaAuthenticationException) failure).brokerMessage()).isEqualTo("Invalid username or password");
        assertThat(broker.requests).hasSize(2);
        assertThat(((AuthEvent.Stop) events.get(1)).outcome().error()).isSameAs(failure);
    }

    @Test
    void aServerSignatureThatDoesNotVerifyFailsTheAuthentication() {
        List<String> serverMessages = new ArrayList<>(List.of(SERVER_FIRST, "v=" + "A".repeat(43) + "="));
        FakeSaslBroker broker = new FakeSaslBroker(1, true, handshakeThen(token -> authenticated(serverMessages.remove(0))));

        Throwable failure = failureOf(rfcScram().authenticate(broker));

        assertThat(failure).isInstanceOf(SaslProtocolException.class).hasMessageContaining("server signature");
        assertThat(((AuthEvent.Stop) events.get(1)).outcome().isOk()).isFalse();
    }

    @Test
    void brokersWithoutSaslAuthenticateGetHandshakeV0AndBareTokens() {
        List<String> serverMessages = new ArrayList<>(List.of(SERVER_FIRST, SERVER_FINAL));
        FakeSaslBroker broker = new FakeSaslBroker(1, false, request -> new SaslHandshakeResponse().setMechanisms(OFFERED));
        broker.rawScript = token -> serverMessages.remove(0).getBytes(UTF_8);

        AuthenticatedSession session = rfcScram().authenticate(broker).join();

        assertThat(broker.requests).singleElement().isInstanceOf(SaslHandshakeRequest.class);
        assertThat(broker.requestVersions).containsExactly((short) 0);
        assertThat(broker.rawTokens).extracting(token -> new String(token, UTF_8))
                .satisfiesExactly(first -> assertThat(first).isEqualTo("n,,n=user,r=" + NONCE),
                        last -> assertThat(last).endsWith(",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertThat(session.expires()).isFalse();
    }

    @Test
    void aBrokerWithSaslAuthenticateGetsHandshakeV1AndNoBareToken() {
        FakeSaslBroker broker = new FakeSaslBroker(1, true, handshakeThen(token -> authenticated("")));

        new SaslAuthenticator(new SaslCredentials(SaslMechanism.PLAIN, "user", Password.of("pencil")), Telemetry.noop())
                .authenticate(broker).join();

        assertThat(broker.requestVersions).first().isEqualTo((short) 1);
        assertThat(broker.rawTokens).isEmpty();
    }

    @Test
    void aBrokerWithoutSaslHandshakeIsRefusedBeforeAnythingIsSent() {
        FakeSaslBroker broker = new FakeSaslBroker(FakeSaslBroker.ADDRESS, -1, false, request -> null);

        Throwable failure = failureOf(new SaslAuthenticator(new SaslCredentials(SaslMechanism.PLAIN, "user",
                Password.of("pencil")), Telemetry.noop()).authenticate(broker));

        assertThat(failure).isInstanceOf(SaslProtocolException.class).hasMessageContaining("offers no SaslHandshake");
        assertThat(broker.requests).isEmpty();
    }

    @Test
    void awsMskIamSendsTheSignedPayloadForTheBrokersHostAndCompletesOnTheBrokersAnswer() {
        InetSocketAddress address = InetSocketAddress.createUnresolved(AwsMskIamSaslClientTest.HOST, 9098);
        FakeSaslBroker broker = new FakeSaslBroker(address, 1, true, request -> request instanceof SaslHandshakeRequest
                ? new SaslHandshakeResponse().setMechanisms(List.of("AWS_MSK_IAM"))
                : authenticated("{\"version\":\"2020_10_22\",\"request-id\":\"9c1d\"}"));
        CompletableFuture<AwsCredentials> credentials = new CompletableFuture<>();
        AwsMskIamOptions options = new AwsMskIamOptions("us-east-1", () -> credentials);

        CompletableFuture<AuthenticatedSession> authenticated = SaslAuthenticator.awsMskIam(options, telemetry,
                AwsMskIamSaslClientTest.CLOCK).authenticate(broker);
        assertThat(broker.requests).isEmpty(); // nothing is sent before the credentials are there
        credentials.complete(AwsMskIamSaslClientTest.TEMPORARY);
        authenticated.join();

        assertThat(broker.requests).hasSize(2);
        assertThat(((SaslHandshakeRequest) broker.requests.get(0)).mechanism()).isEqualTo("AWS_MSK_IAM");
        assertThat(token(broker.requests.get(1))).isEqualTo(AwsMskIamSaslClientTest.PAYLOAD_TEMPORARY);
        assertThat(events.get(0).metadata().mechanism()).isEqualTo("AWS_MSK_IAM");
        assertThat(((AuthEvent.Stop) events.get(1)).outcome().isOk()).isTrue();
    }

    @Test
    void awsMskIamFailsWithoutSendingWhenNoCredentialsCanBeHad() {
        FakeSaslBroker broker = new FakeSaslBroker(1, true, request -> null);
        AwsMskIamOptions options = new AwsMskIamOptions("us-east-1",
                () -> CompletableFuture.failedFuture(new IllegalStateException("no AWS credentials found")));

        Throwable failure = failureOf(SaslAuthenticator.awsMskIam(options, telemetry).authenticate(broker));

        assertThat(failure).hasMessageContaining("no AWS credentials found");
        assertThat(broker.requests).isEmpty();
    }

    private SaslAuthenticator rfcScram() {
        return new SaslAuthenticator("SCRAM-SHA-256",
                () -> new ScramSaslClient("SCRAM-SHA-256", ScramAlgorithm.SHA_256, "user", Password.of("pencil"), () -> NONCE),
                telemetry);
    }

    private static Function<ProtocolMessage, ProtocolMessage> handshakeThen(Function<String, ProtocolMessage> onToken) {
        return request -> request instanceof SaslHandshakeRequest
                ? new SaslHandshakeResponse().setMechanisms(OFFERED)
                : onToken.apply(token(request));
    }

    private static SaslAuthenticateResponse authenticated(String serverMessage) {
        return new SaslAuthenticateResponse().setAuthBytes(ByteBuffer.wrap(serverMessage.getBytes(UTF_8)));
    }

    private static String token(ProtocolMessage request) {
        return UTF_8.decode(((SaslAuthenticateRequest) request).authBytes().duplicate()).toString();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        Throwable failure = catchThrowable(future::join);
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
