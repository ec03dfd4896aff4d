package io.kafkaex.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.security.OAuthBearerToken;
import io.kafkaex.security.OAuthBearerTokenProvider;
import io.kafkaex.security.SecurityProtocol;
import io.kafkaex.security.UnsecuredJwtTokenProvider;
import io.kafkaex.security.SaslMechanism;
import io.kafkaex.security.SaslTestClients;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.TestCredentials;
import io.kafkaex.test.junit.KafkaExBroker;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * Failed SASL authentications (a wrong password with each password mechanism, an OAUTHBEARER token the broker
 * refuses), logged by the logging telemetry listener at every level, stack traces included: no secret in any line.
 */
@KafkaExBroker(listeners = {BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT})
class AuthFailureLoggingIT {

    private static final String WRONG_PASSWORD = "wrong-secret-for-logs-7";

    @Test
    void noLogLineOfAFailedAuthenticationContainsThePassword(KafkaTestCluster cluster) {
        List<CapturingLogger.Line> captured = new CopyOnWriteArrayList<>();
        LoggingTelemetryListener logging = new LoggingTelemetryListener(name -> new CapturingLogger(name, Level.TRACE, captured));
        for (SaslMechanism mechanism : SaslMechanism.values()) {
            try (KafkaExClient client = SaslTestClients.alice(cluster, mechanism, WRONG_PASSWORD, 0, logging)) {
                assertThat(catchThrowable(() -> client.latestOffsetSync("auth-logging-it", 0))).isNotNull();
            }
        }

        List<String> lines = captured.stream().map(AuthFailureLoggingIT::render).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("auth", "SASL_AUTHENTICATION_FAILED"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(WRONG_PASSWORD));
    }

    @Test
    void noLogLineOfARefusedOAuthTokenContainsTheTokenOrItsClaims(KafkaTestCluster cluster) {
        List<CapturingLogger.Line> captured = new CopyOnWriteArrayList<>();
        LoggingTelemetryListener logging = new LoggingTelemetryListener(name -> new CapturingLogger(name, Level.TRACE, captured));
        List<OAuthBearerToken> handedOut = new CopyOnWriteArrayList<>();
        UnsecuredJwtTokenProvider withoutTheRequiredScope = new UnsecuredJwtTokenProvider(TestCredentials.ALICE.name(),
                List.of("not-kafka"), Duration.ofMinutes(5));
        OAuthBearerTokenProvider recording = () -> withoutTheRequiredScope.token().thenApply(token -> {
            handedOut.add(token);
            return token;
        });
        try (KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers(BrokerListener.SASL_PLAINTEXT)).clientId("auth-logging-oauth-it")
                .securityProtocol(SecurityProtocol.SASL_PLAINTEXT).oauthBearer(recording, Map.of()).maxRetries(0)
                .telemetryListener(logging).build())) {
            assertThat(catchThrowable(() -> client.latestOffsetSync("auth-logging-it", 0))).isNotNull();
        }

        List<String> lines = captured.stream().map(AuthFailureLoggingIT::render).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("auth", "SASL_AUTHENTICATION_FAILED"));
        assertThat(handedOut).isNotEmpty();
        for (OAuthBearerToken token : handedOut) {
            String claims = token.value().split("\\.")[1];
            assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(token.value()).doesNotContain(claims));
        }
    }

    private static String render(CapturingLogger.Line line) {
        StringWriter text = new StringWriter();
        text.append(line.logger()).append(' ').append(line.message());
        if (line.throwable() != null) {
            line.throwable().printStackTrace(new PrintWriter(text));
        }
        return text.toString();
    }
}
