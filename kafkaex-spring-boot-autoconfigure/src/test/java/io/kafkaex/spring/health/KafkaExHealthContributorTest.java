package io.kafkaex.spring.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.spring.listener.ContainerState;
import io.kafkaex.spring.listener.FakeListenerContainer;
import io.kafkaex.spring.listener.MessageListenerContainer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** The {@code kafkaex} contributor: its client component from a real client's own state, and one per container. */
class KafkaExHealthContributorTest {

    private final List<MessageListenerContainer> containers = new ArrayList<>();
    private Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private KafkaExClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aClientWhoseBrokerRefusesConnectionsIsDownNamingTheBroker() throws IOException {
        client = clientOf(refusingBootstrap());
        HealthIndicator indicator = clientIndicator(Duration.ofSeconds(5));

        assertThat(indicator.health().getStatus()).as("nothing contacted before the first probe")
                .isEqualTo(Status.UNKNOWN);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("reason", "no broker reachable")
                    .containsKey("unreachableBrokers");
        });
    }

    @Test
    void probesRefreshMetadataInTheBackgroundAtMostOncePerIntervalWhileNoBrokerIsReachable() throws IOException {
        client = clientOf(refusingBootstrap());
        AtomicInteger refreshes = new AtomicInteger();
        ClientProbe probe = new ClientProbe(client, refreshes::incrementAndGet, Duration.ofSeconds(5), clockReader());

        probe.status();
        probe.status();
        assertThat(refreshes.get()).isEqualTo(1);

        clock = Clock.offset(clock, Duration.ofSeconds(6));
        probe.status();
        assertThat(refreshes.get()).isEqualTo(2);
    }

    @Test
    void aClosedClientIsDown() throws IOException {
        client = clientOf(refusingBootstrap());
        client.close();

        var health = clientIndicator(Duration.ofSeconds(5)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "the client is closed");
    }

    @Test
    void hasAClientComponentAndOneComponentPerContainer() throws IOException {
        client = clientOf(refusingBootstrap());
        containers.add(new FakeListenerContainer("orders", "g1", "orders")
                .holds(new TopicPartition("orders", 0), null));
        KafkaExHealthContributor contributor = new KafkaExHealthContributor(
                new ClientHealthIndicator(new ClientProbe(client, Duration.ofSeconds(5), clock), clock), () -> containers);

        assertThat(contributor.stream().map(HealthContributors.Entry::name)).containsExactly("client", "listeners");
        HealthContributors listeners = (HealthContributors) contributor.getContributor("listeners");
        assertThat(listeners.stream().map(HealthContributors.Entry::name)).containsExactly("orders");

        containers.add(new FakeListenerContainer("audit", "g2", "audit").failed(new IllegalStateException("fenced")));
        assertThat(listeners.stream().map(HealthContributors.Entry::name)).as("read at every probe")
                .containsExactly("orders", "audit");
        var orders = ((HealthIndicator) listeners.getContributor("orders")).health();
        assertThat(orders.getStatus()).isEqualTo(Status.UP);
        assertThat(orders.getDetails()).containsEntry("state", "RUNNING").containsEntry("groupId", "g1")
                .containsEntry("assignedPartitions", 1);
        var audit = ((HealthIndicator) listeners.getContributor("audit")).health();
        assertThat(audit.getStatus()).isEqualTo(Status.DOWN);
        assertThat(audit.getDetails()).containsEntry("failure", "IllegalStateException: fenced");
        assertThat(listeners.getContributor("unknown")).isNull();
        assertThat(contributor.getContributor("unknown")).isNull();
    }

    @Test
    void aStoppedContainerIsUnknownSoItDoesNotMarkTheApplicationDown() {
        var health = new ListenerContainerHealthIndicator(
                new FakeListenerContainer("orders", "g1", "orders").state(ContainerState.STOPPED)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    }

    private HealthIndicator clientIndicator(Duration refreshInterval) {
        return new ClientHealthIndicator(new ClientProbe(client, refreshInterval, clockReader()), clockReader());
    }

    /** A clock that reads the test's current {@link #clock}, so the test can move time. */
    private Clock clockReader() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        };
    }

    private KafkaExClient clientOf(String bootstrap) {
        return KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(bootstrap).clientId("health-test")
                .requestTimeout(Duration.ofSeconds(2)).maxRetries(0).build());
    }

    private static String refusingBootstrap() throws IOException {
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + unused.getLocalPort();
        }
    }
}
