package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kafkaex.network.AuthenticatedSession;
import io.kafkaex.network.AuthenticationExchange;
import io.kafkaex.network.BrokerApiVersions;
import io.kafkaex.network.ConnectionAuthenticator;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.NetworkOptions;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.message.ApiVersionsResponse;
import io.kafkaex.protocol.message.MetadataRequest;
import io.kafkaex.protocol.message.MetadataResponse;
import io.kafkaex.telemetry.BrokerInfo;
import io.kafkaex.telemetry.Telemetry;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.TestCredentials;
import io.kafkaex.test.junit.KafkaExBroker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SASL as brokers before Kafka 1.0 speak it: SaslHandshake v0, then the tokens as bare frames. Today's brokers
 * still accept that after a v0 handshake, so the authenticator runs against the real SASL_PLAINTEXT listener
 * with a view of the connection that hides SaslAuthenticate, as an old broker's ApiVersions would.
 */
@KafkaExBroker(listeners = {BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT})
class BareTokenSaslIT {

    private static final RequestSpec<MetadataResponse> METADATA = new RequestSpec<>(ApiKey.METADATA,
            version -> new MetadataRequest().setTopics(List.of()), MetadataResponse::read, Duration.ofSeconds(10));

    @ParameterizedTest
    @EnumSource(SaslMechanism.class)
    void eachMechanismAuthenticatesWithBareTokens(SaslMechanism mechanism, KafkaTestCluster cluster) throws Exception {
        try (NetworkClient network = network(mechanism, TestCredentials.ALICE.password())) {
            MetadataResponse metadata = network.send(saslAddress(cluster), TrafficClass.OTHER, METADATA).get(30, TimeUnit.SECONDS);

            assertThat(metadata.brokers()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(SaslMechanism.class)
    void aWrongPasswordIsReportedAsTheBrokerClosingDuringAuthentication(SaslMechanism mechanism, KafkaTestCluster cluster) {
        String wrong = "not-" + TestCredentials.ALICE.password();
        try (NetworkClient network = network(mechanism, wrong)) {
            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> network.send(saslAddress(cluster), TrafficClass.OTHER, METADATA)
                    .get(30, TimeUnit.SECONDS));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(failure).hasStackTraceContaining("the broker closed the connection during SASL authentication");
            SaslFailures.assertNotIn(failure, wrong);
        }
    }

    private static NetworkClient network(SaslMechanism mechanism, String password) {
        SaslAuthenticator sasl = new SaslAuthenticator(new SaslCredentials(mechanism, TestCredentials.ALICE.name(),
                Password.of(password)), Telemetry.noop());
        ConnectionAuthenticator asBeforeKafka10 = exchange -> sasl.authenticate(new WithoutSaslAuthenticate(exchange));
        return new NetworkClient(NetworkOptions.defaults("bare-token-it"), Telemetry.noop(), asBeforeKafka10);
    }

    private static InetSocketAddress saslAddress(KafkaTestCluster cluster) {
        String[] hostPort = cluster.bootstrapServers(BrokerListener.SASL_PLAINTEXT).split(",")[0].split(":");
        return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    /** The real connection, with the broker's API versions minus SaslAuthenticate. */
    private record WithoutSaslAuthenticate(AuthenticationExchange real) implements AuthenticationExchange {

        @Override
        public InetSocketAddress broker() {
            return real.broker();
        }

        @Override
        public BrokerInfo brokerInfo() {
            return real.brokerInfo();
        }

        @Override
        public boolean isReauthentication() {
            return real.isReauthentication();
        }

        @Override
        public BrokerApiVersions apiVersions() {
            List<ApiVersionsResponse.ApiVersion> offered = new ArrayList<>();
            for (ApiKey api : ApiKey.values()) {
                if (api != ApiKey.SASL_AUTHENTICATE) {
                    real.apiVersions().range(api).ifPresent(range -> offered.add(new ApiVersionsResponse.ApiVersion()
                            .setApiKey(api.id()).setMinVersion(range.min()).setMaxVersion(range.max())));
                }
            }
            return BrokerApiVersions.from(new ApiVersionsResponse().setApiKeys(offered));
        }

        @Override
        public <T> CompletableFuture<T> send(RequestSpec<T> spec) {
            return real.send(spec);
        }

        @Override
        public CompletableFuture<byte[]> sendRawToken(byte[] token) {
            return real.sendRawToken(token);
        }

        @Override
        public Executor eventLoop() {
            return real.eventLoop();
        }
    }
}
