package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.message.MetadataRequest;
import io.kafkaex.protocol.message.MetadataResponse;
import io.kafkaex.security.tls.TestTlsOptions;
import io.kafkaex.security.tls.TlsOptions;
import io.kafkaex.telemetry.ConnectionCloseReason;
import io.kafkaex.telemetry.ConnectionEvent;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.Telemetry;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * TLS handshakes of single connections against the harness' SSL listener: hostname verification by the name
 * connected to, the classified failure and its telemetry, and a TLS client on a plaintext listener.
 */
@KafkaExBroker(listeners = {BrokerListener.PLAINTEXT, BrokerListener.SSL, BrokerListener.MTLS, BrokerListener.SASL_SSL})
class TlsHandshakeIT {

    /** A name the broker certificate (SAN 127.0.0.1 and localhost) does not carry, bound to 127.0.0.1. */
    private static final String NAME_NOT_IN_CERTIFICATE = "broker.not-in-the-certificate.test";

    private static final RequestSpec<MetadataResponse> METADATA = new RequestSpec<>(ApiKey.METADATA,
            version -> new MetadataRequest().setTopics(List.of()), MetadataResponse::read, Duration.ofSeconds(10));

    @Test
    void aNameMissingFromTheCertificateFailsHostnameVerificationAsASetupError(KafkaTestCluster cluster) throws Exception {
        Queue<ConnectionEvent.Closed> closes = new ConcurrentLinkedQueue<>();
        KafkaExTelemetryListener recorder = new KafkaExTelemetryListener() {
            @Override
            public void onConnectionClose(ConnectionEvent.Closed event) {
                closes.add(event);
            }
        };
        TlsOptions tls = TestTlsOptions.trusting(cluster.tls()).build();
        try (NetworkClient client = new NetworkClient(NetworkOptions.defaults("tls-hostname-it"), Telemetry.of(List.of(recorder)),
                ConnectionAuthenticator.NONE, tls)) {
            ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> client.send(wrongName(cluster), TrafficClass.OTHER, METADATA).get(10, TimeUnit.SECONDS));

            TlsHandshakeException handshake = findCause(failure, TlsHandshakeException.class);
            assertThat(handshake.reason()).isEqualTo(TlsHandshakeException.Reason.HOSTNAME_MISMATCH);
            assertThat(handshake).hasMessageContaining("hostname verification failed")
                    .hasMessageContaining(NAME_NOT_IN_CERTIFICATE);
            assertThat(closes).extracting(ConnectionEvent.Closed::reason).containsExactly(ConnectionCloseReason.INIT_ERROR);
            assertThat(closes.peek().metadata().tls()).isTrue();
        }
    }

    @Test
    void theSameNameConnectsWhenHostnameVerificationIsSwitchedOff(KafkaTestCluster cluster) throws Exception {
        TlsOptions tls = TestTlsOptions.trusting(cluster.tls()).hostnameVerification(false).build();
        try (NetworkClient client = new NetworkClient(NetworkOptions.defaults("tls-no-hostname-it"), Telemetry.noop(),
                ConnectionAuthenticator.NONE, tls)) {
            MetadataResponse response = client.send(wrongName(cluster), TrafficClass.OTHER, METADATA).get(10, TimeUnit.SECONDS);

            assertThat(response.brokers()).hasSize(1);
        }
    }

    @Test
    void tlsToAPlaintextListenerFailsAsAHandshakeFailure(KafkaTestCluster cluster) {
        TlsOptions tls = TestTlsOptions.trusting(cluster.tls()).build();
        try (NetworkClient client = new NetworkClient(NetworkOptions.defaults("tls-plaintext-it"), Telemetry.noop(),
                ConnectionAuthenticator.NONE, tls)) {
            assertThatThrownBy(() -> client.send(address(cluster, BrokerListener.PLAINTEXT), TrafficClass.OTHER, METADATA)
                    .get(10, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(findCause(e, TlsHandshakeException.class).reason())
                            .isEqualTo(TlsHandshakeException.Reason.HANDSHAKE_FAILURE))
                    .hasStackTraceContaining("check that this is a TLS listener");
        }
    }

    private static InetSocketAddress wrongName(KafkaTestCluster cluster) throws Exception {
        InetSocketAddress real = address(cluster, BrokerListener.SSL);
        return new InetSocketAddress(InetAddress.getByAddress(NAME_NOT_IN_CERTIFICATE, real.getAddress().getAddress()),
                real.getPort());
    }

    private static InetSocketAddress address(KafkaTestCluster cluster, BrokerListener listener) {
        String[] hostPort = cluster.bootstrapServers(listener).split(",")[0].split(":");
        return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the cause chain of " + failure, failure);
    }
}
