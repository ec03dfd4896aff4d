package io.kafkaex.spring.health;

import io.kafkaex.spring.listener.KafkaExListenerEndpointRegistry;
import io.kafkaex.spring.listener.MessageListenerContainer;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;

/**
 * The {@code kafkaex} health contributor: a {@code client} component ({@link ClientHealthIndicator}) and a
 * {@code listeners} composite with one component per listener container, by listener id, read from the
 * {@link KafkaExListenerEndpointRegistry} at every probe (containers registered later show up).
 *
 * <p>Thread-safe.
 */
public class KafkaExHealthContributor implements CompositeHealthContributor {

    static final String CLIENT = "client";
    static final String LISTENERS = "listeners";

    private final HealthContributor client;
    private final HealthContributor listeners;

    /** @param containers the containers now; empty when the application has no listeners */
    public KafkaExHealthContributor(ClientHealthIndicator client, Supplier<Collection<MessageListenerContainer>> containers) {
        this.client = client;
        this.listeners = new Listeners(containers);
    }

    @Override
    public HealthContributor getContributor(String name) {
        return switch (name) {
            case CLIENT -> client;
            case LISTENERS -> listeners;
            default -> null;
        };
    }

    @Override
    public Stream<HealthContributors.Entry> stream() {
        return Stream.of(new HealthContributors.Entry(CLIENT, client), new HealthContributors.Entry(LISTENERS, listeners));
    }

    /** One {@link ListenerContainerHealthIndicator} per container, by listener id. */
    private record Listeners(Supplier<Collection<MessageListenerContainer>> containers)
            implements CompositeHealthContributor {

        @Override
        public HealthContributor getContributor(String name) {
            return current().stream().filter(container -> container.getListenerId().equals(name)).findFirst()
                    .map(ListenerContainerHealthIndicator::new).orElse(null);
        }

        @Override
        public Stream<HealthContributors.Entry> stream() {
            return current().stream().map(container -> new HealthContributors.Entry(container.getListenerId(),
                    new ListenerContainerHealthIndicator(container)));
        }

        private List<MessageListenerContainer> current() {
            return List.copyOf(containers.get());
        }
    }
}
