package io.kafkaex.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * With {@code spring.threads.virtual.enabled=true}, listener invocations run on virtual threads: proven in a child JVM
 * of a JDK 21 or later ({@code KAFKAEX_JDK21_HOME}, the running JDK, or one under {@code /usr/lib/jvm}), since the
 * build's JDK may be 17, where Spring uses platform threads. Skipped, naming what is missing, without such a JDK.
 */
@KafkaExBroker
class VirtualThreadListenerIT {

    private static final String TOPIC = "VirtualThreadListenerIT-virtual";
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)(?:\\.(\\d+))?", Pattern.MULTILINE);

    @Test
    void listenerInvocationsRunOnVirtualThreadsOnAJdk21OrLater(KafkaTestCluster cluster) throws Exception {
        Optional<Path> jdk = jdk21OrLater();
        assumeTrue(jdk.isPresent(), "No JDK 21 or later to run the child JVM: set KAFKAEX_JDK21_HOME to one, or install "
                + "one under /usr/lib/jvm (the running JDK is " + Runtime.version() + ")");
        cluster.createTopic(TOPIC, 1, 1);
        try (KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(KafkaExClientOptions.builder()
                .bootstrapServers(cluster.bootstrapServers()).build()).build())) {
            producer.send(ProducerRecord.of(TOPIC, null, "on a virtual thread?".getBytes(StandardCharsets.UTF_8))).join();
        }

        Process child = new ProcessBuilder(jdk.get().resolve("bin").resolve("java").toString(),
                "-cp", System.getProperty("java.class.path"), VirtualThreadListenerMain.class.getName(),
                cluster.bootstrapServers(), TOPIC, "--spring.threads.virtual.enabled=true",
                "--spring.application.name=VirtualThreadListenerIT")
                .redirectErrorStream(true).start();
        Queue<String> output = new ConcurrentLinkedQueue<>();
        try {
            readLines(child, output);
            await().atMost(Duration.ofSeconds(90)).until(() -> report(output).isPresent() || !child.isAlive());
            assertThat(report(output)).as("the child's output:%n%s", String.join("\n", output)).isPresent();
            assertThat(report(output).get()).as("the listener's thread").startsWith("true ");
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child exits after the report").isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Optional<String> report(Queue<String> output) {
        return output.stream().filter(line -> line.startsWith(VirtualThreadListenerMain.REPORT))
                .map(line -> line.substring(VirtualThreadListenerMain.REPORT.length())).findFirst();
    }

    private static void readLines(Process child, Queue<String> output) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException | java.io.UncheckedIOException destroyed) {
                // the child was destroyed
            }
        }, "virtual-thread-it-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code KAFKAEX_JDK21_HOME}, else the running JDK when it is 21+, else a JDK 21+ under /usr/lib/jvm. */
    private static Optional<Path> jdk21OrLater() throws IOException {
        String configured = System.getenv("KAFKAEX_JDK21_HOME");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured, "bin", "java"))) {
                throw new IllegalStateException("KAFKAEX_JDK21_HOME=" + configured + " has no bin/java; point it at a "
                        + "JDK 21 or later, or unset it");
            }
            return Optional.of(Path.of(configured));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            List<Path> candidates = homes.filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                    .filter(home -> featureVersion(home.resolve("release")) >= 21).sorted().toList();
            return candidates.stream().findFirst();
        }
    }

    /** The feature version in a JDK's release file (1.8 counts as 8), or 0 when unreadable. */
    private static int featureVersion(Path release) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(release));
            if (!version.find()) {
                return 0;
            }
            int first = Integer.parseInt(version.group(1));
            return first == 1 && version.group(2) != null ? Integer.parseInt(version.group(2)) : first;
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }
}
