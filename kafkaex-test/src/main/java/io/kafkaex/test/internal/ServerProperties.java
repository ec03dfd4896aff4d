package io.kafkaex.test.internal;

import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.TestCredentials;
import io.kafkaex.test.TestTls;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Builds the {@code server.properties} of one combined (broker and controller) KRaft node. Pure: it only
 * computes text, so every setting can be unit-tested. Any thread may call it.
 */
final class ServerProperties {

    static final String INTERNAL_LISTENER = "INTERNAL";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private ServerProperties() {
    }

    /**
     * @param nodeId    this node's id (1-based)
     * @param allPorts  ports of every node of the cluster, indexed by {@code nodeId - 1}
     * @param dataDir   the node's log directory
     * @param tls       TLS material, or {@code null} when no listener uses TLS
     * @param advertisedPorts ports this node names to clients instead of its own, for some client-facing
     *                  listeners (for a proxy in front of it); the others advertise the port they listen on
     * @param overrides extra broker settings that win over the generated ones
     */
    static Map<String, String> forNode(int nodeId, List<NodePorts> allPorts, Path dataDir, TestTls tls,
            Map<BrokerListener, Integer> advertisedPorts, Map<String, String> overrides) {
        NodePorts ports = allPorts.get(nodeId - 1);
        int clusterSize = allPorts.size();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters(allPorts));
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", listeners(ports));
        p.put("advertised.listeners", advertisedListeners(ports, advertisedPorts));
        p.put("inter.broker.listener.name", INTERNAL_LISTENER);
        p.put("listener.security.protocol.map", securityProtocolMap(ports));
        p.put("log.dirs", dataDir.toString());

        int replicas = Math.min(3, clusterSize);
        int minInSync = Math.min(2, clusterSize);
        p.put("offsets.topic.replication.factor", Integer.toString(replicas));
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", Integer.toString(replicas));
        p.put("transaction.state.log.min.isr", Integer.toString(minInSync));
        p.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        p.put("share.coordinator.state.topic.min.isr", Integer.toString(minInSync));
        p.put("group.initial.rebalance.delay.ms", "0");
        // consumer-group tests may use session timeouts of a second or two instead of the six-second minimum
        p.put("group.min.session.timeout.ms", "1000");
        // KIP-848 members (group.protocol=consumer) beat every half second instead of five, so their assignments
        // settle quickly; both settings exist from Kafka 3.7 on
        p.put("group.consumer.heartbeat.interval.ms", "500");
        p.put("group.consumer.min.heartbeat.interval.ms", "500");
        if (clusterSize > 1) {
            // a killed node loses its leaderships in about two seconds instead of ten
            p.put("broker.session.timeout.ms", "2000");
            p.put("broker.heartbeat.interval.ms", "500");
        }

        if (ports.clients().keySet().stream().anyMatch(BrokerListener::usesSasl)) {
            p.put("sasl.enabled.mechanisms", String.join(",", TestCredentials.SASL_MECHANISMS));
            ports.clients().keySet().stream().filter(BrokerListener::usesSasl)
                    .forEach(listener -> p.putAll(saslJaas(listener)));
        }
        if (tls != null) {
            p.putAll(tlsSettings(tls));
        }
        if (ports.clients().containsKey(BrokerListener.MTLS)) {
            p.put(prefix(BrokerListener.MTLS) + "ssl.client.auth", "required");
        }
        p.putAll(overrides);
        return p;
    }

    /** The text of a properties file with {@code settings} in order. */
    static String render(Map<String, String> settings) {
        return settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String voters(List<NodePorts> allPorts) {
        StringJoiner voters = new StringJoiner(",");
        for (int i = 0; i < allPorts.size(); i++) {
            voters.add((i + 1) + "@" + NodePorts.HOST + ":" + allPorts.get(i).controller());
        }
        return voters.toString();
    }

    private static String listeners(NodePorts ports) {
        StringJoiner listeners = new StringJoiner(",");
        listeners.add(address(INTERNAL_LISTENER, ports.internal()));
        listeners.add(address(CONTROLLER_LISTENER, ports.controller()));
        ports.clients().forEach((listener, port) -> listeners.add(address(listener.listenerName(), port)));
        return listeners.toString();
    }

    private static String advertisedListeners(NodePorts ports, Map<BrokerListener, Integer> advertisedPorts) {
        StringJoiner listeners = new StringJoiner(",");
        listeners.add(address(INTERNAL_LISTENER, ports.internal()));
        ports.clients().forEach((listener, port) ->
                listeners.add(address(listener.listenerName(), advertisedPorts.getOrDefault(listener, port))));
        return listeners.toString();
    }

    private static String securityProtocolMap(NodePorts ports) {
        StringJoiner map = new StringJoiner(",");
        map.add(INTERNAL_LISTENER + ":PLAINTEXT");
        map.add(CONTROLLER_LISTENER + ":PLAINTEXT");
        ports.clients().keySet().forEach(listener -> map.add(listener.listenerName() + ":" + listener.securityProtocol()));
        return map.toString();
    }

    private static String address(String name, int port) {
        return name + "://" + NodePorts.HOST + ":" + port;
    }

    private static String prefix(BrokerListener listener) {
        return "listener.name." + listener.listenerName().toLowerCase(Locale.ROOT) + ".";
    }

    private static Map<String, String> saslJaas(BrokerListener listener) {
        String prefix = prefix(listener);
        StringBuilder plainUsers = new StringBuilder();
        for (TestCredentials.User user : TestCredentials.users()) {
            plainUsers.append(" user_").append(user.name()).append("=\"").append(user.password()).append('"');
        }
        Map<String, String> jaas = new LinkedHashMap<>();
        jaas.put(prefix + "plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required" + plainUsers + ";");
        jaas.put(prefix + "scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        jaas.put(prefix + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        jaas.put(prefix + "oauthbearer.sasl.jaas.config",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
                        + " unsecuredLoginStringClaim_sub=\"" + TestCredentials.ADMIN.name() + "\""
                        + " unsecuredValidatorRequiredScope=\"" + TestCredentials.OAUTH_REQUIRED_SCOPE + "\";");
        return jaas;
    }

    private static Map<String, String> tlsSettings(TestTls tls) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ssl.keystore.type", TestTls.STORE_TYPE);
        settings.put("ssl.keystore.location", tls.brokerKeyStore().toString());
        settings.put("ssl.keystore.password", tls.password());
        settings.put("ssl.key.password", tls.password());
        settings.put("ssl.truststore.type", TestTls.STORE_TYPE);
        settings.put("ssl.truststore.location", tls.trustStore().toString());
        settings.put("ssl.truststore.password", tls.password());
        return settings;
    }
}
