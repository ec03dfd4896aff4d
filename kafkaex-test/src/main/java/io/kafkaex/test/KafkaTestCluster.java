package io.kafkaex.test;

import io.kafkaex.test.internal.BrokerNode;
import io.kafkaex.test.internal.ClusterLayout;
import io.kafkaex.test.internal.WireClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A real Apache Kafka cluster for tests: one or more combined KRaft nodes, each a child JVM started from
 * the {@code org.apache.kafka:kafka_2.13} artifacts of Maven Central, listening on free ports of
 * 127.0.0.1.
 *
 * <pre>{@code
 * try (KafkaTestCluster cluster = KafkaTestCluster.builder().brokers(3).start()) {
 *     cluster.createTopic("orders", 6, 3, Map.of("min.insync.replicas", "2"));
 *     String bootstrap = cluster.bootstrapServers();
 * }
 * }</pre>
 *
 * <p>No broker outlives the JVM that started it: {@link #close()} kills the nodes and removes their
 * directories, a shutdown hook does the same when the JVM exits without closing, and a node whose parent
 * JVM was killed halts by itself. Thread-safe: every method may be called from any thread.
 */
public final class KafkaTestCluster implements AutoCloseable {

    /** System property that selects the broker version, for example {@code -Dkafka.version=3.9.1}. */
    public static final String VERSION_PROPERTY = "kafka.version";

    /** Broker version used when {@value #VERSION_PROPERTY} is not set: the newest release on Maven Central. */
    public static final String DEFAULT_VERSION = "4.4.0";

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final int REQUEST_TIMEOUT_MILLIS = 30_000;

    private final ClusterLayout layout;
    private final Thread shutdownHook;
    private boolean closed;

    private KafkaTestCluster(ClusterLayout layout) {
        this.layout = layout;
        this.shutdownHook = new Thread(layout::destroy, "kafkaex-test-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A builder for a cluster; one PLAINTEXT broker of the configured version unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** The broker version this cluster runs. */
    public String version() {
        return layout.distribution().version();
    }

    /** The client-facing listeners of every broker. */
    public Set<BrokerListener> listeners() {
        return layout.listeners();
    }

    /** The ids of all nodes, running or not. */
    public List<Integer> brokerIds() {
        return layout.nodes().stream().map(BrokerNode::id).toList();
    }

    /**
     * The bootstrap servers of the PLAINTEXT listener, or of the only listener when there is no PLAINTEXT
     * one: {@code 127.0.0.1:port,...} for every node.
     */
    public String bootstrapServers() {
        Set<BrokerListener> listeners = listeners();
        if (listeners.contains(BrokerListener.PLAINTEXT) || listeners.size() != 1) {
            return bootstrapServers(BrokerListener.PLAINTEXT);
        }
        return bootstrapServers(listeners.iterator().next());
    }

    /**
     * The bootstrap servers of {@code listener} on every node: the ports the brokers listen on, also for a
     * node built with an {@linkplain Builder#advertisedPort advertised port} of its own.
     */
    public String bootstrapServers(BrokerListener listener) {
        return layout.nodes().stream()
                .map(node -> "127.0.0.1:" + node.ports().port(listener))
                .collect(Collectors.joining(","));
    }

    /** The TLS material clients of the SSL, MTLS and SASL_SSL listeners need. */
    public TestTls tls() {
        if (layout.tls() == null) {
            throw new IllegalStateException("This cluster has no TLS listener; add SSL, MTLS or SASL_SSL when building it");
        }
        return layout.tls();
    }

    /** Creates a topic with default configuration; see {@link #createTopic(String, int, int, Map)}. */
    public void createTopic(String name, int partitions, int replicationFactor) {
        createTopic(name, partitions, replicationFactor, Map.of());
    }

    /**
     * Creates a topic and waits until every partition has a leader on every running broker.
     *
     * @throws IllegalStateException when the broker refuses (for example the topic exists or the
     *                               replication factor exceeds the brokers)
     */
    public synchronized void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
        BrokerNode node = layout.anyRunningNode();
        try (WireClient client = layout.connectInternal(node, REQUEST_TIMEOUT_MILLIS)) {
            client.createTopic(name, partitions, (short) replicationFactor, configs, REQUEST_TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create topic '" + name + "' on Kafka " + version() + ": "
                    + e.getMessage(), e);
        }
        layout.awaitLeaders(name, partitions, TOPIC_TIMEOUT);
    }

    /** Cluster metadata for {@code topics} (every topic when none is named), asked of a running broker. */
    public synchronized ClusterMetadata metadata(String... topics) {
        return layout.metadata(layout.anyRunningNode(), List.of(topics));
    }

    /** Cluster metadata for {@code topics} as broker {@code brokerId} sees it. */
    public synchronized ClusterMetadata metadataFrom(int brokerId, String... topics) {
        return layout.metadata(layout.node(brokerId), List.of(topics));
    }

    /** Stops broker {@code brokerId} cleanly (SIGTERM, a controlled shutdown). */
    public synchronized void stopBroker(int brokerId) {
        layout.node(brokerId).stop();
    }

    /** Kills broker {@code brokerId} with SIGKILL, as a crash would. */
    public synchronized void killBroker(int brokerId) {
        layout.node(brokerId).kill();
    }

    /** Starts a stopped or killed broker again with its storage and ports, and waits until it answers. */
    public synchronized void startBroker(int brokerId) {
        layout.startAndAwait(List.of(layout.node(brokerId)));
    }

    /** Whether broker {@code brokerId} is running. */
    public synchronized boolean isRunning(int brokerId) {
        return layout.node(brokerId).isRunning();
    }

    /** The operating-system process of broker {@code brokerId}, while it runs. */
    public synchronized ProcessHandle brokerProcess(int brokerId) {
        return ProcessHandle.of(layout.node(brokerId).pid())
                .orElseThrow(() -> new IllegalStateException("Broker " + brokerId + " is not running"));
    }

    /** The log file of broker {@code brokerId}; it is deleted with the cluster on {@link #close()}. */
    public Path brokerLog(int brokerId) {
        return layout.node(brokerId).log();
    }

    /** Kills every broker and deletes the cluster's directories. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        layout.destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs or ran anyway
        }
    }

    @Override
    public String toString() {
        return "KafkaTestCluster[Kafka " + version() + ", brokers " + brokerIds() + ", listeners " + listeners() + "]";
    }

    /** Configures and starts a {@link KafkaTestCluster}. Not thread-safe. */
    public static final class Builder {

        private String version = System.getProperty(VERSION_PROPERTY, DEFAULT_VERSION);
        private int brokers = 1;
        private final Set<BrokerListener> listeners = EnumSet.noneOf(BrokerListener.class);
        private final Map<Integer, Map<BrokerListener, Integer>> advertisedPorts = new LinkedHashMap<>();
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private List<String> jvmOptions = List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC");
        private Duration startupTimeout = Duration.ofMinutes(2);

        private Builder() {
        }

        /** The broker version, for example {@code 3.9.1}; defaults to {@value #VERSION_PROPERTY} or the newest. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** The number of combined broker-and-controller nodes; 1 by default. */
        public Builder brokers(int brokers) {
            if (brokers < 1) {
                throw new IllegalArgumentException("A cluster needs at least one broker, not " + brokers);
            }
            this.brokers = brokers;
            return this;
        }

        /** The client-facing listeners; PLAINTEXT alone when none is named. */
        public Builder listeners(BrokerListener... listeners) {
            Collections.addAll(this.listeners, listeners);
            return this;
        }

        /**
         * Makes broker {@code brokerId} name {@code 127.0.0.1:port} as the address of its {@code listener} in
         * the metadata it gives clients, instead of the port it listens on, so that clients reach it through
         * whatever listens there, a fault-injecting proxy for example. The broker still listens on its own port,
         * which {@link KafkaTestCluster#bootstrapServers(BrokerListener)} names; a client that bootstraps there
         * also moves to {@code port} once it has read the metadata.
         *
         * @throws IllegalArgumentException when {@code port} is no TCP port; an unknown broker or listener is
         *                                  refused by {@link #start()}
         */
        public Builder advertisedPort(int brokerId, BrokerListener listener, int port) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("An advertised port must be between 1 and 65535, not " + port);
            }
            advertisedPorts.computeIfAbsent(brokerId, id -> new EnumMap<>(BrokerListener.class)).put(listener, port);
            return this;
        }

        /** An extra broker setting for every node; it wins over the generated configuration. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        /** JVM options of each broker; {@code -Xms256m -Xmx512m -XX:+UseG1GC} by default. */
        public Builder jvmOptions(String... options) {
            this.jvmOptions = List.of(options);
            return this;
        }

        /** How long start-up may take before it fails with the broker log; two minutes by default. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Resolves the broker artifacts, formats the storage and starts every node; returns when all answer. */
        public KafkaTestCluster start() {
            Set<BrokerListener> chosen = listeners.isEmpty() ? EnumSet.of(BrokerListener.PLAINTEXT) : EnumSet.copyOf(listeners);
            checkAdvertisedPorts(chosen);
            ClusterLayout layout = ClusterLayout.create(version, brokers, chosen, advertisedPorts, brokerProperties,
                    new ArrayList<>(jvmOptions), startupTimeout);
            KafkaTestCluster cluster = new KafkaTestCluster(layout);
            try {
                layout.startAndAwait(layout.nodes());
                return cluster;
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }

        private void checkAdvertisedPorts(Set<BrokerListener> chosen) {
            advertisedPorts.forEach((brokerId, ports) -> {
                if (brokerId < 1 || brokerId > brokers) {
                    throw new IllegalArgumentException("An advertised port is set for broker " + brokerId
                            + ", but this cluster has brokers 1.." + brokers);
                }
                for (BrokerListener listener : ports.keySet()) {
                    if (!chosen.contains(listener)) {
                        throw new IllegalArgumentException("An advertised port is set for the " + listener
                                + " listener, but this cluster has " + chosen + "; ask for it with listeners(...)");
                    }
                }
            });
        }
    }
}
