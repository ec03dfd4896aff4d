package io.kafkaex.spring.health;

import io.kafkaex.network.NetworkStatus;
import io.kafkaex.spring.listener.ContainerState;
import io.kafkaex.spring.listener.MessageListenerContainer;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;

/**
 * For the liveness group ({@code management.endpoint.health.group.liveness.include=livenessState,kafkaexLiveness}):
 * DOWN only on states a restart may cure and waiting will not: a broker refused the client's credentials, or a listener
 * container FAILED (fenced by another member with its instance id, a fatal error). A broker that is merely unreachable
 * never fails liveness; that is readiness' business.
 *
 * <p>Thread-safe.
 */
public class KafkaExLivenessHealthIndicator extends AvailabilityHealthIndicator {

    public KafkaExLivenessHealthIndicator(Supplier<NetworkStatus> network,
            Supplier<Collection<MessageListenerContainer>> containers) {
        super(network, containers);
    }

    @Override
    Health judge(NetworkStatus status, Collection<MessageListenerContainer> containers) {
        List<String> failed = ListenerStates.idsIn(containers, ContainerState.FAILED);
        if (status.authenticationFailure() == null && failed.isEmpty()) {
            return Health.up().build();
        }
        Health.Builder down = Health.down();
        if (status.authenticationFailure() != null) {
            down.withDetail("authenticationFailure", status.authenticationFailure().getMessage());
        }
        if (!failed.isEmpty()) {
            down.withDetail("failedListeners", failed);
        }
        return down.build();
    }
}
