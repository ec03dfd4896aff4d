package io.kafkaex.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kafkaex.autoconfigure.ListenerITSupport;
import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.health.KafkaExHealthContributor;
import io.kafkaex.spring.health.KafkaExLivenessHealthIndicator;
import io.kafkaex.spring.health.KafkaExReadinessHealthIndicator;
import io.kafkaex.spring.listener.ContainerState;
import io.kafkaex.spring.listener.KafkaExListenerEndpointRegistry;
import io.kafkaex.spring.listener.MessageListenerContainer;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Health of real listener containers on the shared broker. The {@code kafkaex} contributor has a component per
 * container, by listener id: UP while RUNNING (and while STARTING), UNKNOWN while STOPPED (a container with
 * {@code autoStartup=false} not started yet: on purpose, so it marks nothing down, and readiness ignores it).
 * {@code kafkaexReadiness} is DOWN while a started container does not hold its assignment: caught deterministically by
 * starting a second container in the group of a listener that is stuck in a record, so the rebalance cannot finish
 * until the test lets the record go; liveness stays UP meanwhile. A container FAILED for real, fenced by a second
 * application whose member has the same static instance id, turns liveness (and readiness) DOWN with its id and its
 * component DOWN with the FENCED_INSTANCE_ID failure.
 */
@KafkaExBroker
class ListenerHealthIT {

    private static final String P = "ListenerHealthIT";
    private static final String TOPIC = P + "-topic";
    private static final String STATIC_TOPIC = P + "-static";

    private static ListenerITSupport support;

    @BeforeAll
    static void topics(KafkaTestCluster cluster) {
        support = ListenerITSupport.on(cluster).withTopic(TOPIC, 2).withTopic(STATIC_TOPIC, 1);
    }

    @AfterAll
    static void close() {
        support.close();
    }

    private static ApplicationContextRunner runner(Class<?> listeners) {
        return support.runner(P, KafkaExHealthAutoConfiguration.class).withUserConfiguration(listeners);
    }

    @Test
    void readinessIsDownWhileAStartedListenerWaitsForItsAssignmentAndStoppedListenersCountForNothing() {
        runner(RebalancingListeners.class).run(context -> {
            RebalancingListeners listeners = context.getBean(RebalancingListeners.class);
            KafkaExListenerEndpointRegistry registry = context.getBean(KafkaExListenerEndpointRegistry.class);
            MessageListenerContainer holder = registry.getListenerContainer("holder").orElseThrow();
            MessageListenerContainer joiner = registry.getListenerContainer("joiner").orElseThrow();
            try {
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    assertThat(holder.getState()).isEqualTo(ContainerState.RUNNING);
                    assertThat(readiness(context).getStatus()).isEqualTo(Status.UP);
                });
                assertThat(joiner.getState()).isEqualTo(ContainerState.STOPPED);
                assertThat(listener(context, "holder").getStatus()).isEqualTo(Status.UP);
                assertThat(listener(context, "holder").getDetails()).containsEntry("state", "RUNNING")
                        .containsEntry("groupId", P + "-group").containsEntry("assignedPartitions", 2);
                assertThat(listener(context, "joiner").getStatus()).as("stopped on purpose is not down")
                        .isEqualTo(Status.UNKNOWN);
                assertThat(liveness(context).getStatus()).isEqualTo(Status.UP);

                support.send(TOPIC, 0, "hold");
                assertThat(listeners.holding.await(10, TimeUnit.SECONDS)).as("the holder is in its record").isTrue();
                registry.start("joiner");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(readiness(context))
                        .satisfies(health -> assertThat(health.getStatus()).isEqualTo(Status.DOWN))
                        .satisfies(health -> assertThat(health.getDetails().get("listenersWithoutAssignment"))
                                .asInstanceOf(InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder("holder", "joiner")));
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                    assertThat(joiner.getState()).as("the rebalance waits for the held record")
                            .isEqualTo(ContainerState.STARTING);
                    assertThat(readiness(context).getStatus()).isEqualTo(Status.DOWN);
                    assertThat(liveness(context).getStatus()).as("waiting for an assignment is no reason to restart")
                            .isEqualTo(Status.UP);
                    assertThat(listener(context, "joiner").getStatus()).as("joining is healthy")
                            .isEqualTo(Status.UP);
                });
            } finally {
                listeners.release.countDown();
            }
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(readiness(context).getStatus()).isEqualTo(Status.UP);
                assertThat(holder.getState()).isEqualTo(ContainerState.RUNNING);
                assertThat(joiner.getState()).isEqualTo(ContainerState.RUNNING);
            });
            assertThat(listener(context, "joiner").getDetails()).containsEntry("state", "RUNNING")
                    .containsEntry("assignedPartitions", 1);
            assertThat(liveness(context).getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void aListenerFencedByAnotherMemberWithItsInstanceIdTurnsLivenessDownWithTheReason() {
        ApplicationContextRunner staticMembers = runner(StaticListener.class)
                .withPropertyValues("kafkaex.consumer.group-instance-id=" + P + "-instance");
        staticMembers.run(first -> {
            MessageListenerContainer fenced = first.getBean(KafkaExListenerEndpointRegistry.class)
                    .getListenerContainer("fenced").orElseThrow();
            await().atMost(Duration.ofSeconds(15)).until(() -> fenced.getState() == ContainerState.RUNNING);
            assertThat(liveness(first).getStatus()).isEqualTo(Status.UP);

            staticMembers.run(second -> await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(fenced.getState()).as("the first member is fenced by the second")
                            .isEqualTo(ContainerState.FAILED)));

            Health liveness = liveness(first);
            assertThat(liveness.getStatus()).isEqualTo(Status.DOWN);
            assertThat(liveness.getDetails()).containsEntry("failedListeners", List.of("fenced"));
            Health readiness = readiness(first);
            assertThat(readiness.getStatus()).isEqualTo(Status.DOWN);
            assertThat(readiness.getDetails()).containsEntry("failedListeners", List.of("fenced"));
            Health component = listener(first, "fenced");
            assertThat(component.getStatus()).isEqualTo(Status.DOWN);
            assertThat(component.getDetails()).containsEntry("state", "FAILED");
            assertThat((String) component.getDetails().get("failure")).contains("FENCED_INSTANCE_ID");
        });
    }

    private static Health readiness(AssertableApplicationContext context) {
        return context.getBean(KafkaExReadinessHealthIndicator.class).health();
    }

    private static Health liveness(AssertableApplicationContext context) {
        return context.getBean(KafkaExLivenessHealthIndicator.class).health();
    }

    /** The component of listener {@code id} under {@code kafkaex} → {@code listeners}. */
    private static Health listener(AssertableApplicationContext context, String id) {
        CompositeHealthContributor listeners = (CompositeHealthContributor) context
                .getBean(KafkaExHealthContributor.class).getContributor("listeners");
        return ((HealthIndicator) listeners.getContributor(id)).health();
    }

    /**
     * A listener that holds the record "hold" until the test releases it (its revocation waits for that, up to the
     * shutdown timeout), and a second one in its group started later through the registry.
     */
    @Configuration(proxyBeanMethods = false)
    static class RebalancingListeners {
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @KafkaExListener(id = "holder", topics = TOPIC, groupId = P + "-group",
                properties = "shutdown-timeout=30s")
        void holder(String value) throws InterruptedException {
            if (value.equals("hold")) {
                holding.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
        }

        @KafkaExListener(id = "joiner", topics = TOPIC, groupId = P + "-group", autoStartup = "false")
        void joiner(String value) {
        }
    }

    /** A listener whose member has the static instance id {@code <group-instance-id>-fenced-0}. */
    @Configuration(proxyBeanMethods = false)
    static class StaticListener {

        @KafkaExListener(id = "fenced", topics = STATIC_TOPIC, groupId = P + "-static-group")
        void fenced(String value) {
        }
    }
}
