package io.kafkaex.consumer;

import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.kafkaex.consumer.GroupTestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;

/** A member whose JVM is killed (no LeaveGroup, no commit): its partitions move after the session timeout. */
@KafkaExBroker
class KilledMemberIT {

    @Test
    void aKilledMembersPartitionsMoveAfterTheSessionTimeout(KafkaTestCluster cluster) throws Exception {
        String topic = "cg-it-killed";
        String group = "cg-it-killed-group";
        cluster.createTopic(topic, 4, 1);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledMemberMain.class.getName(),
                cluster.bootstrapServers(), group, topic).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (Exception ignored) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        try (KafkaExConsumerGroup survivor = KafkaExConsumerGroup.start(member(cluster, group, topic, "survivor").build(),
                new GroupTestSupport.Recorder())) {
            Eventually.until(Duration.ofSeconds(60), () -> survivor.isStable() && survivor.assignments().size() == 2
                    && lines.contains("OWNS 2"));
            other.destroyForcibly();
            assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long killedAt = System.nanoTime();

            Eventually.until(Duration.ofSeconds(30), () -> survivor.isStable() && survivor.assignments().size() == 4);
            Duration moved = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(moved).as("the coordinator waits for the 3-s session timeout, not for a LeaveGroup")
                    .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(25));
        } finally {
            other.destroyForcibly();
            other.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(List.copyOf(lines)).contains("OWNS 2");
    }
}
