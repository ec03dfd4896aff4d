package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.cluster.BootstrapException;
import io.kafkaex.network.RequestNotSentException;
import io.kafkaex.network.TlsHandshakeException;
import io.kafkaex.security.tls.TestTlsOptions;
import io.kafkaex.security.tls.TlsOptions;
import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client over the harness' TLS listeners: produce and fetch, mutual TLS, TLS versions, and failures. */
@KafkaExBroker(listeners = {BrokerListener.PLAINTEXT, BrokerListener.SSL, BrokerListener.MTLS, BrokerListener.SASL_SSL})
class TlsIT {

    @ParameterizedTest
    @ValueSource(strings = {TlsOptions.TLS_1_3, TlsOptions.TLS_1_2})
    void producesAndFetchesOverTlsWithEachVersion(String protocol, KafkaTestCluster cluster) {
        String topic = "tls-it-" + protocol.replace('.', '-');
        cluster.createTopic(topic, 1, 1);
        TlsOptions tls = TestTlsOptions.trusting(cluster.tls()).protocols(protocol).build();
        try (KafkaExClient client = client(cluster, BrokerListener.SSL, tls)) {
            client.produceOneSync(topic, 0, ProduceRecord.of(bytes("k"), bytes("over " + protocol)), ProduceOptions.defaults());

            FetchResult fetched = client.fetchSync(topic, 0, 0, FetchOptions.defaults());
            assertThat(fetched.records()).extracting(r -> StandardCharsets.UTF_8.decode(r.value().duplicate()).toString())
                    .containsExactly("over " + protocol);
        }
    }

    @Test
    void aOneMebibyteRecordCrossesTlsIntact(KafkaTestCluster cluster) {
        cluster.createTopic("tls-it-large", 1, 1, java.util.Map.of("max.message.bytes", String.valueOf(4 << 20)));
        byte[] value = new byte[1 << 20];
        new Random(42).nextBytes(value);
        TlsOptions tls = TestTlsOptions.trusting(cluster.tls()).build();
        try (KafkaExClient client = client(cluster, BrokerListener.SSL, tls)) {
            client.produceOneSync("tls-it-large", 0, ProduceRecord.of(null, value), ProduceOptions.defaults());

            FetchResult fetched = client.fetchSync("tls-it-large", 0, 0, FetchOptions.defaults().withMaxBytes(8 << 20));
            assertThat(fetched.records()).hasSize(1);
            assertThat(fetched.records().get(0).value()).isEqualTo(ByteBuffer.wrap(value));
        }
    }

    @Test
    void mutualTlsWorksWithAClientCertificateFromAKeyStore(KafkaTestCluster cluster) {
        cluster.createTopic("tls-it-mtls", 1, 1);
        try (KafkaExClient client = client(cluster, BrokerListener.MTLS, TestTlsOptions.mutual(cluster.tls()).build())) {
            client.produceOneSync("tls-it-mtls", 0, ProduceRecord.of(null, bytes("mutual")), ProduceOptions.defaults());

            assertThat(client.fetchSync("tls-it-mtls", 0, 0, FetchOptions.defaults()).records()).hasSize(1);
        }
    }

    @Test
    void mutualTlsWorksWithPemTextForTrustAndClientCertificate(KafkaTestCluster cluster) {
        cluster.createTopic("tls-it-pem", 1, 1);
        TlsOptions tls = TlsOptions.builder().trustPemText(TestTlsOptions.caPem(cluster.tls()))
                .clientPemText(TestTlsOptions.clientChainPem(cluster.tls()), TestTlsOptions.clientKeyPem(cluster.tls()))
                .build();
        try (KafkaExClient client = client(cluster, BrokerListener.MTLS, tls)) {
            client.produceOneSync("tls-it-pem", 0, ProduceRecord.of(null, bytes("pem")), ProduceOptions.defaults());

            assertThat(client.fetchSync("tls-it-pem", 0, 0, FetchOptions.defaults()).records()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TlsOptions.TLS_1_3, TlsOptions.TLS_1_2})
    void mutualTlsWithoutAClientCertificateFailsSayingSo(String protocol, KafkaTestCluster cluster) {
        TlsOptions tls = TestTlsOptions.trusting(cluster.tls()).protocols(protocol).build();
        try (KafkaExClient client = client(cluster, BrokerListener.MTLS, tls)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.latestOffsetSync("tls-it-any", 0))
                    .hasMessageContaining("TLS handshake failed: the broker rejected the client certificate or requires one");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void theJdkDefaultTrustFailsNamingTheUnknownCa(KafkaTestCluster cluster) {
        try (KafkaExClient client = client(cluster, BrokerListener.SSL, TlsOptions.defaults())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.latestOffsetSync("tls-it-any", 0))
                    .hasMessageContaining("TLS handshake failed: the broker's certificate is not signed by a trusted CA "
                            + "(PKIX path building failed)")
                    .isInstanceOf(BootstrapException.class).cause() // the type survives bootstrap, for callers to act on
                    .isInstanceOf(RequestNotSentException.class).cause()
                    .isInstanceOfSatisfying(TlsHandshakeException.class,
                            failure -> assertThat(failure.reason()).isEqualTo(TlsHandshakeException.Reason.UNKNOWN_CA));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private static KafkaExClient client(KafkaTestCluster cluster, BrokerListener listener, TlsOptions tls) {
        return KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers(listener))
                .clientId("tls-it").requestTimeout(Duration.ofSeconds(10)).tls(tls).build());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
