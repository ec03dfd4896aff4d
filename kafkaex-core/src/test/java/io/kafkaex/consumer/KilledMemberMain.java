package io.kafkaex.consumer;

import io.kafkaex.client.KafkaExClientOptions;

import java.time.Duration;
import java.util.List;

/**
 * A consumer group member in a JVM of its own, for {@link KilledMemberIT}: joins, prints {@code OWNS <n>} whenever
 * its assignment is stable, and runs until its process is killed. Arguments: bootstrap servers, group, topic.
 */
public final class KilledMemberMain {

    private KilledMemberMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConsumerGroupOptions options = ConsumerGroupOptions.builder(KafkaExClientOptions.builder()
                        .bootstrapServers(args[0]).clientId("killed-member").maxRetries(30).build(), args[1], List.of(args[2]))
                .sessionTimeout(Duration.ofSeconds(3)).heartbeatInterval(Duration.ofMillis(300))
                .autoOffsetReset(OffsetResetPolicy.EARLIEST).build();
        KafkaExConsumerGroup member = KafkaExConsumerGroup.start(options, new GroupTestSupport.Recorder());
        int reported = -1;
        while (true) {
            int owned = member.isStable() ? member.assignments().size() : -1;
            if (owned != reported && owned >= 0) {
                System.out.println("OWNS " + owned);
                System.out.flush();
                reported = owned;
            }
            Thread.sleep(50);
        }
    }
}
