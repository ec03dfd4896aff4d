package io.kafkaex.spring.health;

import io.kafkaex.network.NetworkStatus;
import io.kafkaex.spring.listener.ContainerState;
import io.kafkaex.spring.listener.MessageListenerContainer;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * For the readiness group ({@code management.endpoint.health.group.readiness.include=readinessState,kafkaexReadiness}):
 * DOWN while the client reaches no broker (it tried and every broker failed, or a broker refused its credentials), and
 * while a started listener container does not hold its assignment yet (STARTING: joining or rebalancing) or FAILED.
 * Stopped containers do not count. Read from the client's own state, so a probe never waits for a broker.
 *
 * <p>{@code network} is the client's status, e.g. {@link ClientProbe#status()}. Thread-safe.
 */
public class KafkaExReadinessHealthIndicator implements HealthIndicator {

    private final Supplier<NetworkStatus> network;
    private final Supplier<Collection<MessageListenerContainer>> containers;

    public KafkaExReadinessHealthIndicator(Supplier<NetworkStatus> network,
            Supplier<Collection<MessageListenerContainer>> containers) {
        this.network = network;
        this.containers = containers;
    }

    @Override
    public Health health() {
        NetworkStatus status = network.get();
        Collection<MessageListenerContainer> current = containers.get();
        List<String> unassigned = ListenerStates.idsIn(current, ContainerState.STARTING);
        List<String> failed = ListenerStates.idsIn(current, ContainerState.FAILED);
        boolean brokersDown = status.closed() || status.noBrokerReachable() || status.authenticationFailure() != null;
        if (!brokersDown && unassigned.isEmpty() && failed.isEmpty()) {
            return Health.up().build();
        }
        Health.Builder down = Health.down();
        if (brokersDown) {
            down.withDetail("brokers", status.closed() ? "the client is closed" : "no broker reachable");
        }
        if (!unassigned.isEmpty()) {
            down.withDetail("listenersWithoutAssignment", unassigned);
        }
        if (!failed.isEmpty()) {
            down.withDetail("failedListeners", failed);
        }
        return down.build();
    }
}
