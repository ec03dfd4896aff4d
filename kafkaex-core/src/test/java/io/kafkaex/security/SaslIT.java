package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kafkaex.client.FetchOptions;
import io.kafkaex.client.FetchResult;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.ProduceOptions;
import io.kafkaex.client.ProduceRecord;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.NetworkOptions;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaAuthenticationException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.MetadataRequest;
import io.kafkaex.protocol.message.MetadataResponse;
import io.kafkaex.telemetry.Telemetry;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.TestCredentials;
import io.kafkaex.test.junit.KafkaExBroker;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SASL over the SASL_PLAINTEXT listener of a real broker: every mechanism, wrong credentials, an unknown mechanism. */
@KafkaExBroker(listeners = {BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT})
class SaslIT {

    private static final String WRONG_PASSWORD = "not-alice-secret-42";

    @ParameterizedTest
    @EnumSource(SaslMechanism.class)
    void produceAndFetchSucceedAfterAuthenticating(SaslMechanism mechanism, KafkaTestCluster cluster) {
        String topic = "sasl-it-" + mechanism.name().toLowerCase();
        cluster.createTopic(topic, 1, 1);
        RecordedAuthEvents events = new RecordedAuthEvents();
        try (KafkaExClient client = SaslTestClients.alice(cluster, mechanism, TestCredentials.ALICE.password(), 1, events)) {
            client.produceOneSync(topic, 0, ProduceRecord.of(null, bytes("hello " + mechanism)), ProduceOptions.defaults());
            FetchResult fetched = client.fetchSync(topic, 0, 0, FetchOptions.defaults());

            assertThat(fetched.records()).extracting(r -> text(r.value())).containsExactly("hello " + mechanism);
        }
        assertThat(events.starts()).isNotEmpty().allSatisfy(start -> {
            assertThat(start.metadata().mechanism()).isEqualTo(mechanism.wireName());
            assertThat(start.metadata().broker().port()).isEqualTo(saslAddress(cluster).getPort());
        });
        assertThat(events.stops()).hasSameSizeAs(events.starts())
                .allSatisfy(stop -> assertThat(stop.outcome().isOk()).isTrue());
    }

    @ParameterizedTest
    @EnumSource(SaslMechanism.class)
    void aWrongPasswordFailsFastWithTheBrokersMessageAndDoesNotStorm(SaslMechanism mechanism, KafkaTestCluster cluster) {
        RecordedAuthEvents events = new RecordedAuthEvents();
        try (KafkaExClient client = SaslTestClients.alice(cluster, mechanism, WRONG_PASSWORD, 1, events)) {
            long startNanos = System.nanoTime();
            Throwable failure = catchThrowable(() -> client.latestOffsetSync("sasl-it-any", 0));
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

            KafkaAuthenticationException refused = causeOfType(failure, KafkaAuthenticationException.class);
            assertThat(refused).as("cause chain of %s", failure).isNotNull();
            assertThat(refused.error()).isEqualTo(KafkaError.SASL_AUTHENTICATION_FAILED);
            assertThat(refused.brokerMessage()).startsWith("Authentication failed"); // the broker's own words
            assertThat(refused.getMessage()).contains("Broker said: " + refused.brokerMessage());
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertNoSecretIn(failure);
            assertThat(client.options().toString()).doesNotContain(WRONG_PASSWORD);

            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
            while (System.nanoTime() < until) { // a caller retrying as fast as it can
                assertNoSecretIn(catchThrowable(() -> client.latestOffsetSync("sasl-it-any", 0)));
            }
        }
        // Reconnects wait 50 ms doubling to 1 s after each failure: a handful of attempts, not one per call.
        assertThat(events.starts().size()).isBetween(1, 12);
        assertThat(events.stops()).isNotEmpty().allSatisfy(stop -> {
            assertThat(stop.outcome().isOk()).isFalse();
            assertThat(stop.outcome().error()).isInstanceOf(KafkaAuthenticationException.class);
        });
    }

    @Test
    void aMechanismTheListenerDoesNotOfferIsNamedWithTheOffered(KafkaTestCluster cluster) throws Exception {
        SaslAuthenticator gssapi = new SaslAuthenticator("GSSAPI", () -> new UnusedClient("GSSAPI"), Telemetry.noop());
        try (NetworkClient network = new NetworkClient(NetworkOptions.defaults("sasl-it-gssapi"), Telemetry.noop(), gssapi)) {
            Throwable failure = catchThrowable(() -> network.send(saslAddress(cluster), TrafficClass.OTHER,
                    new RequestSpec<>(ApiKey.METADATA, version -> new MetadataRequest().setTopics(List.of()),
                            MetadataResponse::read, Duration.ofSeconds(10))).get(30, TimeUnit.SECONDS));

            KafkaAuthenticationException refused = causeOfType(failure, KafkaAuthenticationException.class);
            assertThat(refused).as("cause chain of %s", failure).isNotNull();
            assertThat(refused.error()).isEqualTo(KafkaError.UNSUPPORTED_SASL_MECHANISM);
            assertThat(refused.getMessage()).contains("GSSAPI is not enabled", "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
        }
    }

    private static void assertNoSecretIn(Throwable failure) {
        SaslFailures.assertNotIn(failure, WRONG_PASSWORD);
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        return SaslFailures.causeOfType(failure, type);
    }

    private static InetSocketAddress saslAddress(KafkaTestCluster cluster) {
        String[] hostPort = cluster.bootstrapServers(BrokerListener.SASL_PLAINTEXT).split(",")[0].split(":");
        return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer buffer) {
        return buffer == null ? null : StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }

    /** A client for a mechanism the broker refuses at the handshake, so its tokens are never asked for. */
    private record UnusedClient(String mechanism) implements SaslMechanismClient {

        @Override
        public byte[] initialResponse() {
            throw new AssertionError("the handshake should have refused " + mechanism);
        }

        @Override
        public byte[] evaluateChallenge(byte[] challenge) {
            throw new AssertionError("the handshake should have refused " + mechanism);
        }

        @Override
        public boolean isComplete() {
            return false;
        }
    }
}
