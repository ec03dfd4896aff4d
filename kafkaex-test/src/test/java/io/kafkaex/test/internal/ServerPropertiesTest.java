package io.kafkaex.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.TestTls;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerPropertiesTest {

    private static final TestTls TLS = new TestTls(Path.of("/t/trust.p12"), Path.of("/t/client.p12"),
            Path.of("/t/broker.p12"), "pw");

    @Test
    void singleNodeIsACombinedVoterWithReplicationFactorsOfOne() {
        Map<String, String> p = ServerProperties.forNode(1, List.of(ports(9000, BrokerListener.PLAINTEXT)),
                Path.of("/d"), null, Map.of(), Map.of());

        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9001")
                .containsEntry("listeners", "INTERNAL://127.0.0.1:9000,CONTROLLER://127.0.0.1:9001,PLAINTEXT://127.0.0.1:9002")
                .containsEntry("advertised.listeners", "INTERNAL://127.0.0.1:9000,PLAINTEXT://127.0.0.1:9002")
                .containsEntry("inter.broker.listener.name", "INTERNAL")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("log.dirs", Path.of("/d").toString())
                .doesNotContainKey("sasl.enabled.mechanisms")
                .doesNotContainKey("broker.session.timeout.ms");
    }

    @Test
    void threeNodesShareTheVoterListAndFailOverFast() {
        List<NodePorts> cluster = List.of(ports(9000, BrokerListener.PLAINTEXT), ports(9100, BrokerListener.PLAINTEXT),
                ports(9200, BrokerListener.PLAINTEXT));

        Map<String, String> second = ServerProperties.forNode(2, cluster, Path.of("/d"), null, Map.of(), Map.of());

        assertThat(second).containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9001,2@127.0.0.1:9101,3@127.0.0.1:9201")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("broker.session.timeout.ms", "2000");
        assertThat(second.get("listeners")).contains("PLAINTEXT://127.0.0.1:9102");
    }

    @Test
    void securedListenersGetTheirProtocolsMechanismsAndStores() {
        NodePorts ports = ports(9000, BrokerListener.SASL_PLAINTEXT, BrokerListener.MTLS, BrokerListener.SASL_SSL);

        Map<String, String> p = ServerProperties.forNode(1, List.of(ports), Path.of("/d"), TLS, Map.of(), Map.of());

        assertThat(p.get("listener.security.protocol.map")).contains("SASL_PLAINTEXT:SASL_PLAINTEXT", "MTLS:SSL",
                "SASL_SSL:SASL_SSL", "INTERNAL:PLAINTEXT", "CONTROLLER:PLAINTEXT");
        assertThat(p).containsEntry("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512,OAUTHBEARER")
                .containsEntry("listener.name.mtls.ssl.client.auth", "required")
                .containsEntry("ssl.keystore.location", Path.of("/t/broker.p12").toString())
                .containsEntry("ssl.truststore.location", Path.of("/t/trust.p12").toString());
        assertThat(p.get("listener.name.sasl_plaintext.plain.sasl.jaas.config"))
                .contains("user_alice=\"alice-secret\"", "user_admin=\"admin-secret\"");
        assertThat(p.get("listener.name.sasl_ssl.oauthbearer.sasl.jaas.config"))
                .contains("unsecuredValidatorRequiredScope=\"kafka\"");
        assertThat(p).containsKey("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config")
                .doesNotContainKey("listener.name.mtls.plain.sasl.jaas.config");
    }

    @Test
    void anAdvertisedPortReplacesTheListenersOwnPortInTheAdvertisedListenersOnly() {
        NodePorts ports = ports(9000, BrokerListener.PLAINTEXT, BrokerListener.SSL);

        Map<String, String> p = ServerProperties.forNode(1, List.of(ports), Path.of("/d"), TLS,
                Map.of(BrokerListener.PLAINTEXT, 7777), Map.of());

        assertThat(p).containsEntry("listeners", "INTERNAL://127.0.0.1:9000,CONTROLLER://127.0.0.1:9001,"
                        + "PLAINTEXT://127.0.0.1:9002,SSL://127.0.0.1:9003")
                .containsEntry("advertised.listeners", "INTERNAL://127.0.0.1:9000,PLAINTEXT://127.0.0.1:7777,"
                        + "SSL://127.0.0.1:9003");
    }

    @Test
    void overridesWinOverGeneratedSettings() {
        Map<String, String> p = ServerProperties.forNode(1, List.of(ports(9000, BrokerListener.PLAINTEXT)),
                Path.of("/d"), null, Map.of(), Map.of("offsets.topic.num.partitions", "1", "auto.create.topics.enable", "false"));

        assertThat(p).containsEntry("offsets.topic.num.partitions", "1").containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void renderEscapesBackslashesForWindowsPaths() {
        assertThat(ServerProperties.render(Map.of("log.dirs", "C:\\kafka"))).isEqualTo("log.dirs=C:\\\\kafka\n");
    }

    @Test
    void clusterIdsAreTwentyTwoUrlSafeCharactersNotStartingWithADash() {
        for (int i = 0; i < 2_000; i++) {
            assertThat(ClusterLayout.newClusterId()).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
        }
    }

    /** Internal at {@code base}, controller at {@code base + 1}, then one port per listener. */
    private static NodePorts ports(int base, BrokerListener... listeners) {
        Map<BrokerListener, Integer> clients = new EnumMap<>(BrokerListener.class);
        for (int i = 0; i < listeners.length; i++) {
            clients.put(listeners[i], base + 2 + i);
        }
        return new NodePorts(base, base + 1, clients);
    }
}
