package io.kafkaex.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kafkaex.autoconfigure.ListenerITSupport;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.listener.ContainerState;
import io.kafkaex.spring.listener.KafkaExListenerEndpointRegistry;
import io.kafkaex.spring.listener.MessageListenerContainer;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;

/**
 * Meters of real listener containers on the shared broker: a batch listener on a two-partition topic that is held
 * back until lag builds up, then let go. The member's lag gauges (per group, topic and partition) show the backlog and
 * fall to 0, its process timer counts every batch, its join, sync, heartbeat and commit timers carry the member's
 * client id, a second container in the group counts a rebalance and leaves exactly one lag gauge per partition, and
 * closing the context leaves no {@code kafkaex.*} meter behind.
 */
@KafkaExBroker
class ListenerMetricsIT {

    private static final String P = "ListenerMetricsIT";
    private static final String TOPIC = P + "-topic";
    private static final String GROUP = P + "-group";
    /** The member's client id: {@code <kafkaex.client-id>-<listener id>-<index>}. */
    private static final String MEMBER = P + "-metered-0";
    private static final String SECOND_MEMBER = P + "-second-0";
    private static final int RECORDS_PER_PARTITION = 5;

    private static ListenerITSupport support;

    @BeforeAll
    static void topic(KafkaTestCluster cluster) {
        support = ListenerITSupport.on(cluster).withTopic(TOPIC, 2);
    }

    @AfterAll
    static void close() {
        support.close();
    }

    @Test
    void lagProcessAndGroupMetersOfARealListenerAreTaggedByMemberAndRemovedWithTheContext() {
        MeterRegistry registry = new SimpleMeterRegistry();
        support.runner(P, KafkaExMetricsAutoConfiguration.class)
                .withBean(MeterRegistry.class, () -> registry)
                .withUserConfiguration(Listeners.class)
                .run(context -> {
                    Listeners listeners = context.getBean(Listeners.class);
                    KafkaExListenerEndpointRegistry containers = context.getBean(KafkaExListenerEndpointRegistry.class);
                    MessageListenerContainer metered = containers.getListenerContainer("metered").orElseThrow();
                    await().atMost(Duration.ofSeconds(20)).until(() -> metered.getState() == ContainerState.RUNNING
                            && metered.getAssignments().size() == 2);

                    for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                        support.send(TOPIC, 0, "p0-" + i);
                        support.send(TOPIC, 1, "p1-" + i);
                    }
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lag(registry, MEMBER))
                            .as("the held-back listener lags on both partitions").containsOnlyKeys("0", "1")
                            .allSatisfy((partition, lag) -> assertThat(lag).isPositive()));

                    listeners.gate.countDown();
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                        assertThat(listeners.records).hasValue(2 * RECORDS_PER_PARTITION);
                        assertThat(lag(registry, MEMBER)).containsOnlyKeys("0", "1")
                                .allSatisfy((partition, lag) -> assertThat(lag).isZero());
                        assertThat(registry.find("kafkaex.consumer.lag.committed").tag("client.id", MEMBER).gauges())
                                .hasSize(2).allSatisfy(gauge -> assertThat(gauge.value()).isZero());
                        assertThat(count(registry.find("kafkaex.consumer.process")
                                .tags("client.id", MEMBER, "group", GROUP, "topic", TOPIC, "outcome", "success")
                                .timers())).as("one process span per batch").isEqualTo(listeners.batches.get());
                    });
                    for (String span : List.of("join", "sync", "heartbeat", "commit")) {
                        assertThat(count(registry.find("kafkaex.consumer." + span)
                                .tags("client.id", MEMBER, "group", GROUP, "outcome", "success").timers()))
                                .as(span).isPositive();
                    }

                    containers.start("second");
                    MessageListenerContainer second = containers.getListenerContainer("second").orElseThrow();
                    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                        assertThat(metered.getState()).isEqualTo(ContainerState.RUNNING);
                        assertThat(second.getState()).isEqualTo(ContainerState.RUNNING);
                        assertThat(metered.getAssignments()).hasSize(1);
                        assertThat(second.getAssignments()).hasSize(1);
                        assertThat(lagGaugeOwners(registry)).as("one lag gauge per partition, by its holder")
                                .isEqualTo(Set.of(MEMBER + "/" + only(metered), SECOND_MEMBER + "/" + only(second)));
                    });
                    assertThat(registry.find("kafkaex.consumer.rebalances")
                            .tags("client.id", MEMBER, "group", GROUP, "reason", "rebalance_in_progress").counter())
                            .as("the first member rejoined because the second one joined").isNotNull()
                            .satisfies(counter -> assertThat(counter.count()).isPositive());
                    assertThat(registry.getMeters()).extracting(meter -> meter.getId().getTag("client.id"))
                            .as("every meter knows its client").doesNotContainNull().doesNotContain("unknown");
                });

        assertThat(registry.getMeters()).as("every member closed with the context, and its meters with it")
                .extracting(Meter::getId).filteredOn(id -> id.getName().startsWith("kafkaex.")).isEmpty();
    }

    /** The {@code kafkaex.consumer.lag} values of {@code clientId}'s gauges of the test's group and topic, by partition. */
    private static Map<String, Double> lag(MeterRegistry registry, String clientId) {
        return registry.find("kafkaex.consumer.lag").tags("client.id", clientId, "group", GROUP, "topic", TOPIC)
                .gauges().stream().collect(Collectors.toMap(gauge -> gauge.getId().getTag("partition"), Gauge::value));
    }

    /** Every lag gauge of the topic as {@code <client id>/<partition>}. */
    private static Set<String> lagGaugeOwners(MeterRegistry registry) {
        Set<String> owners = new HashSet<>();
        for (Gauge gauge : registry.find("kafkaex.consumer.lag").tags("topic", TOPIC).gauges()) {
            owners.add(gauge.getId().getTag("client.id") + "/" + gauge.getId().getTag("partition"));
        }
        return owners;
    }

    private static int only(MessageListenerContainer container) {
        List<TopicPartition> partitions = List.copyOf(container.getAssignments());
        assertThat(partitions).hasSize(1);
        return partitions.get(0).partition();
    }

    private static long count(Collection<Timer> timers) {
        return timers.stream().mapToLong(Timer::count).sum();
    }

    /** A batch listener held back by a gate until the test opens it, and a second one started later in its group. */
    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger records = new AtomicInteger();

        @KafkaExListener(id = "metered", topics = TOPIC, groupId = GROUP, batch = "true")
        void metered(List<String> values) throws InterruptedException {
            gate.await(30, TimeUnit.SECONDS);
            batches.incrementAndGet();
            records.addAndGet(values.size());
        }

        @KafkaExListener(id = "second", topics = TOPIC, groupId = GROUP, autoStartup = "false")
        void second(String value) {
        }
    }
}
