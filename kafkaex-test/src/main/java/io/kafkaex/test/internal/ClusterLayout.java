package io.kafkaex.test.internal;

import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.ClusterMetadata;
import io.kafkaex.test.TestTls;
import io.kafkaex.test.launcher.TreeDeletion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The parts of one test cluster: its broker distribution, TLS material, directory and nodes, and the
 * operations on them that {@code KafkaTestCluster} exposes. Created formatted but not started.
 *
 * <p>Not thread-safe: {@code KafkaTestCluster} serialises calls; {@link #destroy()} may also run from a
 * shutdown hook.
 */
public final class ClusterLayout {

    private final KafkaDistribution distribution;
    private final Set<BrokerListener> listeners;
    private final TestTls tls;
    private final Path root;
    private final List<BrokerNode> nodes;
    private final Duration startupTimeout;

    private ClusterLayout(KafkaDistribution distribution, Set<BrokerListener> listeners, TestTls tls, Path root,
            List<BrokerNode> nodes, Duration startupTimeout) {
        this.distribution = distribution;
        this.listeners = Set.copyOf(listeners);
        this.tls = tls;
        this.root = root;
        this.nodes = List.copyOf(nodes);
        this.startupTimeout = startupTimeout;
    }

    /**
     * Resolves {@code version}, lays out {@code brokerCount} nodes with free ports in a new temporary
     * directory and formats their storage.
     *
     * @param advertisedPorts by node id, the ports a node names to clients instead of its own, per listener
     */
    public static ClusterLayout create(String version, int brokerCount, Set<BrokerListener> listeners,
            Map<Integer, Map<BrokerListener, Integer>> advertisedPorts, Map<String, String> brokerProperties,
            List<String> jvmOptions, Duration startupTimeout) {
        KafkaDistribution distribution = KafkaDistribution.of(version);
        TestTls tls = listeners.stream().anyMatch(BrokerListener::usesTls) ? CertificateAuthority.shared() : null;
        Path root = createRoot(version);
        List<Path> cleanupOnOrphan = new ArrayList<>(List.of(root));
        if (tls != null) {
            cleanupOnOrphan.add(CertificateAuthority.sharedDirectory());
        }
        List<NodePorts> ports = new ArrayList<>();
        for (int i = 0; i < brokerCount; i++) {
            ports.add(NodePorts.allocate(listeners));
        }
        List<BrokerNode> nodes = new ArrayList<>();
        String clusterId = newClusterId();
        try {
            for (int id = 1; id <= brokerCount; id++) {
                Path dir = root.resolve("node-" + id);
                BrokerNode node = new BrokerNode(id, dir, ports.get(id - 1), distribution, tls, jvmOptions,
                        cleanupOnOrphan);
                node.format(clusterId, ServerProperties.forNode(id, ports, dir.resolve("data"), tls,
                        advertisedPorts.getOrDefault(id, Map.of()), brokerProperties));
                nodes.add(node);
            }
        } catch (RuntimeException e) {
            TreeDeletion.deleteQuietly(root);
            throw e;
        }
        return new ClusterLayout(distribution, listeners, tls, root, nodes, startupTimeout);
    }

    public KafkaDistribution distribution() {
        return distribution;
    }

    public Set<BrokerListener> listeners() {
        return listeners;
    }

    /** TLS material, or {@code null} when no listener uses TLS. */
    public TestTls tls() {
        return tls;
    }

    public List<BrokerNode> nodes() {
        return nodes;
    }

    /** The node with {@code id}. */
    public BrokerNode node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("No broker " + id + "; this cluster has brokers 1.." + nodes.size());
        }
        return nodes.get(id - 1);
    }

    /** Some running node. */
    public BrokerNode anyRunningNode() {
        return nodes.stream().filter(BrokerNode::isRunning).findFirst()
                .orElseThrow(() -> new IllegalStateException("No broker of this cluster is running"));
    }

    /** Starts {@code toStart} together and waits until each answers on every listener. */
    public void startAndAwait(List<BrokerNode> toStart) {
        toStart.forEach(BrokerNode::start);
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        for (BrokerNode node : toStart) {
            node.awaitReady(deadline);
        }
    }

    /** A wire client on {@code node}'s internal PLAINTEXT listener. */
    public WireClient connectInternal(BrokerNode node, int timeoutMillis) throws IOException {
        return WireClient.connect(NodePorts.HOST, node.ports().internal(), null, timeoutMillis);
    }

    /** Metadata of {@code topics} as {@code node} sees it. */
    public ClusterMetadata metadata(BrokerNode node, List<String> topics) {
        try (WireClient client = connectInternal(node, 10_000)) {
            return client.metadata(topics);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read metadata from broker " + node.id(), e);
        }
    }

    /** Waits until every running node reports a leader for each of the {@code partitions} of {@code topic}. */
    public void awaitLeaders(String topic, int partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allRunningNodesSeeLeaders(topic, partitions)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Topic '" + topic + "' has no leader for every partition after "
                        + timeout + "; metadata: " + metadata(anyRunningNode(), List.of(topic)));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topic " + topic, e);
            }
        }
    }

    /** Kills every node and deletes the cluster directory. Safe to call more than once and from any thread. */
    public synchronized void destroy() {
        nodes.forEach(BrokerNode::kill);
        TreeDeletion.deleteQuietly(root);
    }

    private boolean allRunningNodesSeeLeaders(String topic, int partitions) {
        for (BrokerNode node : nodes) {
            if (!node.isRunning()) {
                continue;
            }
            ClusterMetadata metadata = metadata(node, List.of(topic));
            for (int p = 0; p < partitions; p++) {
                boolean led = metadata.partition(topic, p).map(partition -> partition.leader() >= 0).orElse(false);
                if (!led) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Path createRoot(String version) {
        try {
            return Files.createTempDirectory("kafkaex-kafka-" + version + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the test cluster", e);
        }
    }

    /** A random KRaft cluster id: 16 bytes in unpadded base64url, never starting with '-'. */
    static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (id.charAt(0) != '-') {
                return id;
            }
        }
    }
}
