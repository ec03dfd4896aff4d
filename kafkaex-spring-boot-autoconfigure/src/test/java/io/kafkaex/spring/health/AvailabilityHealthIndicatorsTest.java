package io.kafkaex.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.network.NetworkStatus;
import io.kafkaex.spring.listener.ContainerState;
import io.kafkaex.spring.listener.FakeListenerContainer;
import io.kafkaex.spring.listener.MessageListenerContainer;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** {@link KafkaExLivenessHealthIndicator} and {@link KafkaExReadinessHealthIndicator} over fake states. */
class AvailabilityHealthIndicatorsTest {

    private static final InetSocketAddress BROKER = InetSocketAddress.createUnresolved("kafka-1", 9092);
    private static final NetworkStatus REACHABLE = new NetworkStatus(Set.of(BROKER), Map.of(), 1, null, 0, false);
    private static final NetworkStatus UNREACHABLE =
            new NetworkStatus(Set.of(), Map.of(BROKER, "REMOTE_CLOSED"), 0, null, 0, false);
    private static final NetworkStatus REFUSED = new NetworkStatus(Set.of(), Map.of(BROKER, "AUTH_ERROR: bad password"),
            0, new IllegalStateException("bad password"), 0, false);

    private NetworkStatus network = REACHABLE;
    private final List<MessageListenerContainer> containers = new ArrayList<>();
    private final KafkaExLivenessHealthIndicator liveness =
            new KafkaExLivenessHealthIndicator(() -> network, () -> containers);
    private final KafkaExReadinessHealthIndicator readiness =
            new KafkaExReadinessHealthIndicator(() -> network, () -> containers);

    @Test
    void bothUpWhenABrokerIsReachableAndEveryListenerRunsOrIsStopped() {
        containers.add(new FakeListenerContainer("orders", "g1", "orders"));
        containers.add(new FakeListenerContainer("audit", "g2", "audit").state(ContainerState.STOPPED));

        assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anUnreachableBrokerFailsReadinessOnly() {
        network = UNREACHABLE;

        assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
        Health ready = readiness.health();
        assertThat(ready.getStatus()).isEqualTo(Status.DOWN);
        assertThat(ready.getDetails()).containsEntry("brokers", "no broker reachable");
    }

    @Test
    void aClientThatContactedNoBrokerYetIsNotHeldAgainstReadiness() {
        network = NetworkStatus.NOT_CONNECTED;

        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aListenerWithoutItsAssignmentFailsReadinessOnly() {
        containers.add(new FakeListenerContainer("orders", "g1", "orders").state(ContainerState.STARTING));

        assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
        Health ready = readiness.health();
        assertThat(ready.getStatus()).isEqualTo(Status.DOWN);
        assertThat(ready.getDetails()).containsEntry("listenersWithoutAssignment", List.of("orders"));
    }

    @Test
    void aFailedListenerFailsBoth() {
        containers.add(new FakeListenerContainer("orders", "g1", "orders")
                .failed(new IllegalStateException("FENCED_INSTANCE_ID")));

        Health live = liveness.health();
        assertThat(live.getStatus()).isEqualTo(Status.DOWN);
        assertThat(live.getDetails()).containsEntry("failedListeners", List.of("orders"));
        assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void anAuthenticationRefusalFailsBoth() {
        network = REFUSED;

        Health live = liveness.health();
        assertThat(live.getStatus()).isEqualTo(Status.DOWN);
        assertThat(live.getDetails()).containsEntry("authenticationFailure", "bad password");
        assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
