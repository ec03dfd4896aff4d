package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kafkaex.cluster.BootstrapException;
import io.kafkaex.network.TlsHandshakeException;
import io.kafkaex.security.SaslMechanism;
import io.kafkaex.security.SecurityProtocol;
import io.kafkaex.security.tls.TestTlsOptions;
import io.kafkaex.security.tls.TlsOptions;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.TestCredentials;
import io.kafkaex.test.TestTls;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every TLS listener (SSL, mutual TLS, SASL_SSL with SCRAM) through {@link KafkaExClient}, otherwise correctly
 * configured, with an untrusted CA or a wrong host name: the first call fails within seconds with a
 * {@link TlsHandshakeException} saying which, carried by the {@link BootstrapException}.
 */
@KafkaExBroker(listeners = {BrokerListener.PLAINTEXT, BrokerListener.SSL, BrokerListener.MTLS, BrokerListener.SASL_SSL})
class TlsFailuresIT {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @ParameterizedTest
    @EnumSource(value = BrokerListener.class, names = {"SSL", "MTLS", "SASL_SSL"})
    void aBrokerCertificateFromAnUntrustedCaFailsNamingTheUnknownCa(BrokerListener listener, KafkaTestCluster cluster) {
        // The JDK's own trusted CAs, which do not include the harness CA; the client certificate is still offered.
        TlsOptions jdkTrust = TlsOptions.builder()
                .keyStore(cluster.tls().clientKeyStore(), TestTls.STORE_TYPE, cluster.tls().password()).build();

        TlsHandshakeException failure = firstCallFailure(options(listener, cluster.bootstrapServers(listener), jdkTrust));

        assertThat(failure.reason()).isEqualTo(TlsHandshakeException.Reason.UNKNOWN_CA);
        assertThat(failure).hasMessageContaining("not signed by a trusted CA");
    }

    /**
     * The broker's certificate names {@code 127.0.0.1} and {@code localhost}. {@code 0.0.0.0} reaches the same
     * loopback listener (connecting to the unspecified address means the local host on Linux and macOS) under
     * a name the certificate does not carry.
     */
    @ParameterizedTest
    @EnumSource(value = BrokerListener.class, names = {"SSL", "MTLS", "SASL_SSL"})
    void aHostNameTheCertificateDoesNotCarryFailsAsAHostnameMismatch(BrokerListener listener, KafkaTestCluster cluster) {
        String port = cluster.bootstrapServers(listener).split(",")[0].split(":")[1];
        TlsOptions trusted = TestTlsOptions.mutual(cluster.tls()).build();

        TlsHandshakeException failure = firstCallFailure(options(listener, "0.0.0.0:" + port, trusted));

        assertThat(failure.reason()).isEqualTo(TlsHandshakeException.Reason.HOSTNAME_MISMATCH);
        assertThat(failure).hasMessageContaining("hostname verification failed").hasMessageContaining("0.0.0.0");
    }

    private static TlsHandshakeException firstCallFailure(KafkaExClientOptions options) {
        try (KafkaExClient client = KafkaExClient.create(options)) {
            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> client.latestOffsetSync("tls-failures-it", 0));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failure).isInstanceOf(BootstrapException.class);
            assertThat(took).isLessThan(WITHIN);
            List<Throwable> chain = new ArrayList<>();
            for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
                chain.add(cause);
            }
            return chain.stream().filter(TlsHandshakeException.class::isInstance).map(TlsHandshakeException.class::cast)
                    .findFirst().orElseThrow(() -> new AssertionError("no TlsHandshakeException in " + chain));
        }
    }

    private static KafkaExClientOptions options(BrokerListener listener, String bootstrap, TlsOptions tls) {
        KafkaExClientOptions.Builder options = KafkaExClientOptions.builder().bootstrapServers(bootstrap)
                .clientId("tls-failures-it").tls(tls);
        if (listener == BrokerListener.SASL_SSL) {
            options.securityProtocol(SecurityProtocol.SASL_SSL)
                    .sasl(SaslMechanism.SCRAM_SHA_256, TestCredentials.ALICE.name(), TestCredentials.ALICE.password());
        }
        return options.build();
    }
}
