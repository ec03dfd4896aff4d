package io.kafkaex.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.spring.health.KafkaExHealthContributor;
import io.kafkaex.spring.health.KafkaExLivenessHealthIndicator;
import io.kafkaex.spring.health.KafkaExReadinessHealthIndicator;
import io.kafkaex.test.KafkaTestCluster;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A broker of its own is stopped and started again under a Boot context: health is UP, readiness goes DOWN while the
 * broker is away (noticed from the client's own connections, never waiting in the probe) while liveness stays UP, and
 * both are UP again once the broker is back on the same address.
 */
class KafkaExHealthIT {

    private static final Duration PROBE_LIMIT = Duration.ofMillis(500);

    @Test
    void readinessFollowsTheBrokerAwayAndBackWhileLivenessStaysUp() {
        try (KafkaTestCluster cluster = KafkaTestCluster.builder().start()) {
            int brokerId = cluster.brokerIds().get(0);
            new ApplicationContextRunner()
                    .withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers(),
                            "kafkaex.client-id=KafkaExHealthIT", "kafkaex.health.refresh-interval=1s")
                    .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class,
                            KafkaExHealthAutoConfiguration.class))
                    .run(context -> {
                        HealthIndicator readiness = context.getBean(KafkaExReadinessHealthIndicator.class);
                        HealthIndicator liveness = context.getBean(KafkaExLivenessHealthIndicator.class);
                        HealthIndicator client = (HealthIndicator) context.getBean(KafkaExHealthContributor.class)
                                .getContributor("client");

                        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                            assertThat(quickly(client).getStatus()).isEqualTo(Status.UP);
                            assertThat(quickly(readiness).getStatus()).isEqualTo(Status.UP);
                        });
                        assertThat(quickly(client).getDetails()).containsEntry("knownBrokers", 1);

                        cluster.stopBroker(brokerId);
                        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                                assertThat(quickly(readiness).getStatus()).isEqualTo(Status.DOWN));
                        assertThat(quickly(client).getStatus()).isEqualTo(Status.DOWN);
                        assertThat(quickly(liveness).getStatus()).as("an absent broker is no reason to restart")
                                .isEqualTo(Status.UP);

                        cluster.startBroker(brokerId);
                        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                                assertThat(quickly(readiness).getStatus()).isEqualTo(Status.UP));
                        assertThat(quickly(client).getStatus()).isEqualTo(Status.UP);
                    });
        }
    }

    /** A probe's answer, checking that it did not wait for a broker. */
    private static Health quickly(HealthIndicator indicator) {
        long start = System.nanoTime();
        Health health = indicator.health();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a probe never waits for a broker")
                .isLessThan(PROBE_LIMIT);
        return health;
    }
}
