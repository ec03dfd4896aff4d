package io.kafkaex.autoconfigure.testcontainers;

import io.kafkaex.autoconfigure.KafkaExConnectionDetails;

import java.util.List;
import java.util.function.Function;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.containers.Container;

/**
 * Makes a {@code @ServiceConnection} Kafka container of type {@code C} the cluster KafkaEx connects to: its
 * {@link KafkaExConnectionDetails} name the container's bootstrap servers, asked for once the container runs.
 * Subclasses say how a container of their type names its bootstrap servers. Spring Boot calls the factories while it
 * prepares a test's context.
 *
 * @param <C> the container type
 */
abstract class KafkaExContainerConnectionDetailsFactory<C extends Container<?>>
        extends ContainerConnectionDetailsFactory<C, KafkaExConnectionDetails> {

    private final Function<C, String> bootstrapServers;

    KafkaExContainerConnectionDetailsFactory(Function<C, String> bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    protected KafkaExConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<C> source) {
        return new Details<>(source, bootstrapServers);
    }

    /** The bootstrap servers of one container; read on the thread that creates the KafkaEx beans. */
    private static final class Details<C extends Container<?>> extends ContainerConnectionDetails<C>
            implements KafkaExConnectionDetails {

        private final Function<C, String> bootstrapServers;

        Details(ContainerConnectionSource<C> source, Function<C, String> bootstrapServers) {
            super(source);
            this.bootstrapServers = bootstrapServers;
        }

        @Override
        public List<String> getBootstrapServers() {
            return List.of(bootstrapServers.apply(getContainer()));
        }
    }
}
