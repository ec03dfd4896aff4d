package io.kafkaex.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.test.internal.NodePorts;
import io.kafkaex.test.internal.WireClient;
import io.kafkaex.test.junit.KafkaExBroker;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One broker with every listener type: each accepts a correct client and rejects a wrong one. PLAINTEXT
 * is checked with a raw-socket ApiVersions request; the SASL and TLS listeners with kafka-clients as the
 * oracle until our own client exists.
 */
@KafkaExBroker(listeners = {BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT, BrokerListener.SSL,
        BrokerListener.MTLS, BrokerListener.SASL_SSL})
class ListenersIT {

    private static final String PLAIN = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final String SCRAM = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String OAUTH = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule";

    @Test
    void plaintextListenerAnswersApiVersionsOverARawSocket(KafkaTestCluster cluster) throws Exception {
        int port = Integer.parseInt(cluster.bootstrapServers(BrokerListener.PLAINTEXT).split(":")[1]);
        try (WireClient client = WireClient.connect(NodePorts.HOST, port, null, 5_000)) {
            Map<Short, short[]> versions = client.apiVersions();
            // Produce (0), Fetch (1), Metadata (3) and ApiVersions (18) with at least v3 each
            for (short apiKey : new short[] {0, 1, 3, 18}) {
                assertThat(versions).containsKey(apiKey);
                assertThat(versions.get(apiKey)[1]).as("max version of API %d", apiKey).isGreaterThanOrEqualTo((short) 3);
            }
        }
    }

    @Test
    void reportsTheRequestedBrokerVersion(KafkaTestCluster cluster) {
        assertThat(cluster.version()).isEqualTo(System.getProperty(KafkaTestCluster.VERSION_PROPERTY,
                KafkaTestCluster.DEFAULT_VERSION));
        assertThat(cluster.toString()).contains(cluster.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"})
    void saslListenersAcceptRightPasswordsAndRejectWrongOnes(String mechanism, KafkaTestCluster cluster) {
        String module = mechanism.equals("PLAIN") ? PLAIN : SCRAM;
        for (BrokerListener listener : new BrokerListener[] {BrokerListener.SASL_PLAINTEXT, BrokerListener.SASL_SSL}) {
            Map<String, Object> good = sasl(cluster, listener, mechanism,
                    login(module, TestCredentials.ALICE.name(), TestCredentials.ALICE.password()));
            assertThat(clusterIdSeenWith(good)).isNotBlank();

            Map<String, Object> bad = sasl(cluster, listener, mechanism,
                    login(module, TestCredentials.ALICE.name(), "not-" + TestCredentials.ALICE.password()));
            assertThatThrownBy(() -> clusterIdSeenWith(bad)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void oauthBearerAcceptsTokensWithTheRequiredScopeOnly(KafkaTestCluster cluster) {
        String withScope = OAUTH + " required unsecuredLoginStringClaim_sub=\"alice\" unsecuredLoginListClaim_scope=\",kafka\";";
        assertThat(clusterIdSeenWith(sasl(cluster, BrokerListener.SASL_PLAINTEXT, "OAUTHBEARER", withScope))).isNotBlank();

        String withoutScope = OAUTH + " required unsecuredLoginStringClaim_sub=\"alice\";";
        assertThatThrownBy(() -> clusterIdSeenWith(sasl(cluster, BrokerListener.SASL_PLAINTEXT, "OAUTHBEARER", withoutScope)))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void sslListenerAcceptsClientsThatTrustTheTestCaOnly(KafkaTestCluster cluster) {
        Map<String, Object> trusting = tls(cluster, BrokerListener.SSL, false);
        assertThat(clusterIdSeenWith(trusting)).isNotBlank();

        Map<String, Object> untrusting = base(cluster, BrokerListener.SSL);
        untrusting.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        assertThatThrownBy(() -> clusterIdSeenWith(untrusting)).hasCauseInstanceOf(SslAuthenticationException.class);
    }

    @Test
    void mutualTlsListenerRequiresAClientCertificate(KafkaTestCluster cluster) {
        assertThat(clusterIdSeenWith(tls(cluster, BrokerListener.MTLS, true))).isNotBlank();

        assertThatThrownBy(() -> clusterIdSeenWith(tls(cluster, BrokerListener.MTLS, false)))
                .hasCauseInstanceOf(SslAuthenticationException.class);
    }

    private static String clusterIdSeenWith(Map<String, Object> config) {
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Admin request failed", e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> base(KafkaTestCluster cluster, BrokerListener listener) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(listener));
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return config;
    }

    private static Map<String, Object> tls(KafkaTestCluster cluster, BrokerListener listener, boolean clientCertificate) {
        Map<String, Object> config = base(cluster, listener);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, listener.securityProtocol());
        addTrust(config, cluster.tls());
        if (clientCertificate) {
            TestTls tls = cluster.tls();
            config.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, TestTls.STORE_TYPE);
            config.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, tls.clientKeyStore().toString());
            config.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, tls.password());
            config.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, tls.password());
        }
        return config;
    }

    private static Map<String, Object> sasl(KafkaTestCluster cluster, BrokerListener listener, String mechanism,
            String jaas) {
        Map<String, Object> config = base(cluster, listener);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, listener.securityProtocol());
        config.put(SaslConfigs.SASL_MECHANISM, mechanism);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas);
        if (listener.usesTls()) {
            addTrust(config, cluster.tls());
        }
        return config;
    }

    private static void addTrust(Map<String, Object> config, TestTls tls) {
        config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, TestTls.STORE_TYPE);
        config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.trustStore().toString());
        config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.password());
    }

    private static String login(String module, String user, String password) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\";";
    }
}
