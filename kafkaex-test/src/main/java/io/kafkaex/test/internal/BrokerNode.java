package io.kafkaex.test.internal;

import io.kafkaex.test.BrokerListener;
import io.kafkaex.test.TestCredentials;
import io.kafkaex.test.TestTls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * One combined KRaft node of a test cluster, running as a child JVM: its directory, configuration, process
 * and readiness. The node keeps its ports and storage across stop and start, like a restarted server.
 *
 * <p>Not thread-safe: the owning {@code KafkaTestCluster} serialises calls.
 */
public final class BrokerNode {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int PROBE_TIMEOUT_MILLIS = 2_000;
    private static final int LOG_TAIL_LINES = 40;

    private final int id;
    private final Path dir;
    private final NodePorts ports;
    private final KafkaDistribution distribution;
    private final TestTls tls;
    private final List<String> jvmOptions;
    private final List<Path> cleanupOnOrphan;
    private Process process;

    BrokerNode(int id, Path dir, NodePorts ports, KafkaDistribution distribution, TestTls tls,
            List<String> jvmOptions, List<Path> cleanupOnOrphan) {
        this.id = id;
        this.dir = dir;
        this.ports = ports;
        this.distribution = distribution;
        this.tls = tls;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.cleanupOnOrphan = List.copyOf(cleanupOnOrphan);
    }

    /** This node's id. */
    public int id() {
        return id;
    }

    /** This node's ports. */
    public NodePorts ports() {
        return ports;
    }

    /** The file the broker writes its log to. */
    public Path log() {
        return dir.resolve("broker.log");
    }

    /** Writes the configuration files for {@code settings} and formats the storage for {@code clusterId}. */
    void format(String clusterId, Map<String, String> settings) {
        try {
            Files.createDirectories(dir);
            Files.writeString(serverProperties(), ServerProperties.render(settings), StandardCharsets.UTF_8);
            Files.writeString(loggingConfiguration(), loggingConfigurationText(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the configuration of node " + id + " in " + dir, e);
        }
        List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c", serverProperties().toString()));
        if (ports.clients().keySet().stream().anyMatch(BrokerListener::usesSasl)) {
            for (String mechanism : List.of("SCRAM-SHA-256", "SCRAM-SHA-512")) {
                for (TestCredentials.User user : TestCredentials.users()) {
                    args.add("--add-scram");
                    args.add(mechanism + "=[name=" + user.name() + ",password=" + user.password() + "]");
                }
            }
        }
        Path formatLog = dir.resolve("format.log");
        Process formatter = ChildJvm.start(distribution, toolJvmOptions(), cleanupOnOrphan, formatLog,
                "kafka.tools.StorageTool", args);
        try {
            boolean finished = formatter.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IllegalStateException("Formatting the storage of node " + id + " failed"
                        + (finished ? " with exit status " + formatter.exitValue() : " to finish in " + FORMAT_TIMEOUT)
                        + ". Log tail:\n" + LogTail.of(formatLog, LOG_TAIL_LINES));
            }
        } catch (InterruptedException e) {
            formatter.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting node " + id, e);
        }
    }

    /** Starts the broker process; returns at once. Call {@link #awaitReady} next. */
    void start() {
        if (isRunning()) {
            throw new IllegalStateException("Node " + id + " is already running");
        }
        List<String> options = new ArrayList<>(jvmOptions);
        options.add(distribution.usesReload4j()
                ? "-Dlog4j.configuration=" + loggingConfiguration().toUri()
                : "-Dlog4j2.configurationFile=" + loggingConfiguration());
        process = ChildJvm.start(distribution, options, cleanupOnOrphan, log(), "kafka.Kafka",
                List.of(serverProperties().toString()));
    }

    /**
     * Waits until every listener of this node answers an ApiVersions request.
     *
     * @throws IllegalStateException with the tail of the broker log when the process dies or the deadline
     *                               passes first
     */
    void awaitReady(long deadlineNanos) {
        Map<Integer, SSLContext> listeners = probeContexts();
        while (true) {
            if (!isRunning()) {
                throw new IllegalStateException("Kafka " + distribution.version() + " node " + id
                        + " exited during start-up" + exitDescription() + ". Log tail:\n" + LogTail.of(log(), LOG_TAIL_LINES));
            }
            if (listeners.entrySet().stream().allMatch(listener -> answers(listener.getKey(), listener.getValue()))) {
                return;
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new IllegalStateException("Kafka " + distribution.version() + " node " + id
                        + " did not answer on all its listener ports " + listeners.keySet() + " in time. Log tail:\n"
                        + LogTail.of(log(), LOG_TAIL_LINES));
            }
            sleep(100);
        }
    }

    /** Every listener port of this node with the TLS context to probe it, or {@code null} for plain TCP. */
    private Map<Integer, SSLContext> probeContexts() {
        Map<Integer, SSLContext> listeners = new LinkedHashMap<>();
        listeners.put(ports.internal(), null);
        ports.clients().forEach((listener, port) -> listeners.put(port,
                listener.usesTls() ? TlsContexts.client(tls, listener.requiresClientCertificate()) : null));
        return listeners;
    }

    /** Stops the broker with SIGTERM (a controlled shutdown), then SIGKILL if it takes too long. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return;
        }
        process = null;
    }

    /** Kills the broker with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Whether the broker process is alive. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The broker's process id, while it runs. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("Node " + id + " is not running");
        }
        return process.pid();
    }

    private boolean answers(int port, SSLContext context) {
        try (WireClient client = WireClient.connect(NodePorts.HOST, port, context, PROBE_TIMEOUT_MILLIS)) {
            return !client.apiVersions().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private String exitDescription() {
        return process == null || process.isAlive() ? "" : " with exit status " + process.exitValue();
    }

    private Path serverProperties() {
        return dir.resolve("server.properties");
    }

    private Path loggingConfiguration() {
        return dir.resolve(distribution.usesReload4j() ? "log4j.properties" : "log4j2.properties");
    }

    private String loggingConfigurationText() {
        if (distribution.usesReload4j()) {
            return """
                    log4j.rootLogger=INFO, stdout
                    log4j.appender.stdout=org.apache.log4j.ConsoleAppender
                    log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
                    log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
                    """;
        }
        return """
                status = error
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = out
                """;
    }

    private static List<String> toolJvmOptions() {
        return List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a broker", e);
        }
    }
}
