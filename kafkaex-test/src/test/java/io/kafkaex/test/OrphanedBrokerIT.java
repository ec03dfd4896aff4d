package io.kafkaex.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No orphan: a JVM starts a broker and is then killed with SIGKILL, so no shutdown hook runs; the broker
 * notices that its parent is gone, removes the cluster directory and exits within seconds.
 */
class OrphanedBrokerIT {

    private static final Duration ORPHAN_EXIT_TIMEOUT = Duration.ofSeconds(15);

    @Test
    void brokerExitsAndCleansUpWhenTheJvmThatStartedItIsKilled() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-D" + KafkaTestCluster.VERSION_PROPERTY + "=" + System.getProperty(KafkaTestCluster.VERSION_PROPERTY,
                        KafkaTestCluster.DEFAULT_VERSION),
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local", ""),
                StartBrokerAndWait.class.getName())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            String[] started = awaitStartedLine(output);
            ProcessHandle broker = ProcessHandle.of(Long.parseLong(started[1])).orElseThrow();
            Path clusterDir = Path.of(started[2]);
            assertThat(broker.isAlive()).isTrue();
            assertThat(clusterDir).exists();

            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            broker.onExit().get(ORPHAN_EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(broker.isAlive()).isFalse();
            assertThat(clusterDir).doesNotExist();
        } finally {
            parent.destroyForcibly();
        }
    }

    private static String[] awaitStartedLine(BufferedReader output) throws Exception {
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = output.readLine()) != null) {
            if (line.startsWith(StartBrokerAndWait.STARTED)) {
                return line.split(" ");
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The child JVM ended before starting a broker:\n" + seen);
    }

    /** Child JVM: starts a broker, prints its pid and directory, then waits to be killed. */
    public static final class StartBrokerAndWait {

        static final String STARTED = "STARTED";

        public static void main(String[] args) throws Exception {
            KafkaTestCluster cluster = KafkaTestCluster.builder().start();
            ProcessHandle broker = cluster.brokerProcess(1);
            Path dir = cluster.brokerLog(1).getParent().getParent();
            System.out.println(STARTED + " " + broker.pid() + " " + dir);
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
