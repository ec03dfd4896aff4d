package io.kafkaex.spring.health;

import io.kafkaex.network.NetworkStatus;
import io.kafkaex.spring.listener.ContainerState;
import io.kafkaex.spring.listener.MessageListenerContainer;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;

/**
 * For the readiness group ({@code management.endpoint.health.group.readiness.include=readinessState,kafkaexReadiness}):
 * DOWN while the client reaches no broker (it tried and every broker failed, or a broker refused its credentials), and
 * while a started listener container does not hold its assignment yet (STARTING: joining or rebalancing) or FAILED.
 * Stopped containers do not count. Read from the client's own state, so a probe never waits for a broker.
 *
 * <p>Thread-safe.
 */
public class KafkaExReadinessHealthIndicator extends AvailabilityHealthIndicator {

    public KafkaExReadinessHealthIndicator(Supplier<NetworkStatus> network,
            Supplier<Collection<MessageListenerContainer>> containers) {
        super(network, containers);
    }

    @Override
    Health judge(NetworkStatus status, Collection<MessageListenerContainer> containers) {
        List<String> unassigned = ListenerStates.idsIn(containers, ContainerState.STARTING);
        List<String> failed = ListenerStates.idsIn(containers, ContainerState.FAILED);
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
