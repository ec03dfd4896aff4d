package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kafkaex.client.FetchOptions;
import io.kafkaex.client.FetchResult;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.ProduceOptions;
import io.kafkaex.client.ProduceRecord;
import io.kafkaex.protocol.error.KafkaAuthenticationException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.TestCredentials;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OAUTHBEARER against the harness's SASL_PLAINTEXT listener (unsecured JWT validator, required scope kafka). */
@KafkaExBroker(listeners = {BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT})
class OAuthBearerIT {

    @Test
    void produceAndFetchSucceedWithAnUnsecuredJwtAndExtensions(KafkaTestCluster cluster) {
        String topic = "oauth-it-produce";
        cluster.createTopic(topic, 1, 1);
        RecordedAuthEvents events = new RecordedAuthEvents();
        RecordingTokenProvider provider = new RecordingTokenProvider(List.of(TestCredentials.OAUTH_REQUIRED_SCOPE), Duration.ofMinutes(5));
        try (KafkaExClient client = KafkaExClient.create(options(cluster, provider, Duration.ofMinutes(5))
                .telemetryListener(events).build())) {
            client.produceOneSync(topic, 0, ProduceRecord.of(null, bytes("hello oauth")), ProduceOptions.defaults());
            FetchResult fetched = client.fetchSync(topic, 0, 0, FetchOptions.defaults());

            assertThat(fetched.records()).extracting(r -> text(r.value())).containsExactly("hello oauth");
        }
        assertThat(events.starts()).isNotEmpty()
                .allSatisfy(start -> assertThat(start.metadata().mechanism()).isEqualTo("OAUTHBEARER"));
        assertThat(events.stops()).hasSameSizeAs(events.starts())
                .allSatisfy(stop -> assertThat(stop.outcome().isOk()).isTrue());
        assertThat(provider.tokens).hasSize(1); // every connection of the client reused the cached token
    }

    @Test
    void aTokenWithoutTheRequiredScopeFailsFastWithTheBrokersMessageAndNoToken(KafkaTestCluster cluster) {
        RecordingTokenProvider provider = new RecordingTokenProvider(List.of("other"), Duration.ofMinutes(5));
        try (KafkaExClient client = KafkaExClient.create(options(cluster, provider, Duration.ofMinutes(5)).build())) {
            long startNanos = System.nanoTime();
            Throwable failure = catchThrowable(() -> client.latestOffsetSync("oauth-it-any", 0));
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

            KafkaAuthenticationException refused = SaslFailures.causeOfType(failure, KafkaAuthenticationException.class);
            assertThat(refused).as("cause chain of %s", failure).isNotNull();
            assertThat(refused.error()).isEqualTo(KafkaError.SASL_AUTHENTICATION_FAILED);
            assertThat(refused.brokerMessage()).contains("insufficient_scope");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(provider.tokens).isNotEmpty();
            for (OAuthBearerToken token : provider.tokens) {
                SaslFailures.assertNotIn(failure, token.value());
                SaslFailures.assertNotIn(failure, token.value().split("\\.")[1]); // not even the claims
            }
        }
    }

    @Test
    void anExpiredTokenIsReplacedForTheNextConnection(KafkaTestCluster cluster) throws Exception {
        String topic = "oauth-it-expiry";
        cluster.createTopic(topic, 1, 1);
        RecordingTokenProvider provider = new RecordingTokenProvider(List.of(TestCredentials.OAUTH_REQUIRED_SCOPE), Duration.ofSeconds(5));
        try (KafkaExClient client = KafkaExClient.create(options(cluster, provider, Duration.ofSeconds(1)).build())) {
            client.produceOneSync(topic, 0, ProduceRecord.of(null, bytes("first")), ProduceOptions.defaults());
            int callsBefore = provider.tokens.size();
            Instant firstExpiry = provider.tokens.get(callsBefore - 1).expiresAt();

            Thread.sleep(Duration.between(Instant.now(), firstExpiry).plusMillis(500).toMillis()); // idle connections closed
            Instant secondStart = Instant.now();
            client.produceOneSync(topic, 0, ProduceRecord.of(null, bytes("second")), ProduceOptions.defaults());

            assertThat(provider.tokens.size()).isGreaterThan(callsBefore);
            OAuthBearerToken latest = provider.tokens.get(provider.tokens.size() - 1);
            assertThat(latest.expiresAt()).isAfter(secondStart);
            assertThat(client.fetchSync(topic, 0, 0, FetchOptions.defaults()).records())
                    .extracting(r -> text(r.value())).containsExactly("first", "second");
        }
    }

    private static KafkaExClientOptions.Builder options(KafkaTestCluster cluster, OAuthBearerTokenProvider provider,
            Duration connectionMaxIdle) {
        return KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers(BrokerListener.SASL_PLAINTEXT))
                .clientId("oauth-it")
                .securityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .oauthBearer(provider, Map.of("traceId", "oauth-it"))
                .connectionMaxIdle(connectionMaxIdle)
                .maxRetries(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer buffer) {
        return buffer == null ? null : StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
