package io.kafkaex.spring.health;

import io.kafkaex.network.NetworkStatus;
import io.kafkaex.spring.listener.MessageListenerContainer;

import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Base of the liveness and readiness indicators: both judge the client's network status and the listener containers,
 * read at each probe. {@code network} is the client's status, e.g. {@link ClientProbe#status()}.
 *
 * <p>Thread-safe.
 */
abstract class AvailabilityHealthIndicator implements HealthIndicator {

    private final Supplier<NetworkStatus> network;
    private final Supplier<Collection<MessageListenerContainer>> containers;

    AvailabilityHealthIndicator(Supplier<NetworkStatus> network, Supplier<Collection<MessageListenerContainer>> containers) {
        this.network = network;
        this.containers = containers;
    }

    @Override
    public Health health() {
        return judge(network.get(), containers.get());
    }

    abstract Health judge(NetworkStatus status, Collection<MessageListenerContainer> containers);
}
