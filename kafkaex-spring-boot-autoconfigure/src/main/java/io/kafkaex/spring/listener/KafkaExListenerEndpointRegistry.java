package io.kafkaex.spring.listener;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every listener container of the application by listener id: the place to look one up, to start, stop, pause or
 * resume it by id. Containers are registered while the context starts and live as long as it.
 *
 * <p>Thread-safe.
 */
public class KafkaExListenerEndpointRegistry {

    private final Map<String, MessageListenerContainer> containers = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * Adds a container.
     *
     * @throws IllegalStateException when a container with that listener id exists: listener ids must be unique
     */
    public void register(MessageListenerContainer container) {
        MessageListenerContainer previous = containers.putIfAbsent(container.getListenerId(), container);
        if (previous != null) {
            throw new IllegalStateException("Two @KafkaExListener endpoints have the id '" + container.getListenerId()
                    + "'; give each listener a unique id");
        }
    }

    /** Every container, in registration order. */
    public Collection<MessageListenerContainer> getListenerContainers() {
        synchronized (containers) {
            return List.copyOf(containers.values());
        }
    }

    public Optional<MessageListenerContainer> getListenerContainer(String id) {
        return Optional.ofNullable(containers.get(id));
    }

    public void start(String id) {
        require(id).start();
    }

    public void stop(String id) {
        require(id).stop();
    }

    public void pause(String id) {
        require(id).pause();
    }

    public void resume(String id) {
        require(id).resume();
    }

    private MessageListenerContainer require(String id) {
        return getListenerContainer(id).orElseThrow(() -> new IllegalArgumentException(
                "No @KafkaExListener with id '" + id + "'; known ids: " + containers.keySet()));
    }
}
