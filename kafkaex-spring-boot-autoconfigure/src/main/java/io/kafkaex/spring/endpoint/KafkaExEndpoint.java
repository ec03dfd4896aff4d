package io.kafkaex.spring.endpoint;

import io.kafkaex.spring.listener.KafkaExListenerEndpointRegistry;
import io.kafkaex.spring.listener.MessageListenerContainer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code kafkaex} actuator endpoint: {@code GET /actuator/kafkaex} lists every listener (id, group, topics, state,
 * paused, held partitions with their lag, failure), {@code GET /actuator/kafkaex/{id}} shows one, and
 * {@code POST /actuator/kafkaex/{id}/pause} or {@code .../resume} pauses or resumes one. An unknown id answers 404 and
 * an unknown action 400, each with a message naming what is known. Expose it with
 * {@code management.endpoints.web.exposure.include=kafkaex}; write operations change the application, so secure them.
 *
 * <p>Thread-safe: containers may be read and paused from any thread.
 */
@Endpoint(id = "kafkaex")
public class KafkaExEndpoint {

    private final Supplier<KafkaExListenerEndpointRegistry> registry;

    /** @param registry the application's registry, or {@code null} from the supplier when it has no listeners */
    public KafkaExEndpoint(Supplier<KafkaExListenerEndpointRegistry> registry) {
        this.registry = registry;
    }

    /** Every listener, in registration order. */
    @ReadOperation
    public Map<String, List<ListenerDescription>> listeners() {
        return Map.of("listeners", containers().stream().map(ListenerDescription::of).toList());
    }

    /** One listener; 404 when no listener has that id. */
    @ReadOperation
    public WebEndpointResponse<Object> listener(@Selector String id) {
        return find(id).<WebEndpointResponse<Object>>map(container ->
                new WebEndpointResponse<>(ListenerDescription.of(container)))
                .orElseGet(() -> unknownListener(id));
    }

    /**
     * Pauses ({@code pause}) or resumes ({@code resume}) a listener and answers its new description; 404 for an unknown
     * id, 400 for an unknown action.
     */
    @WriteOperation
    public WebEndpointResponse<Object> control(@Selector String id, @Selector String action) {
        Optional<MessageListenerContainer> found = find(id);
        if (found.isEmpty()) {
            return unknownListener(id);
        }
        switch (action) {
            case "pause" -> found.get().pause();
            case "resume" -> found.get().resume();
            default -> {
                return new WebEndpointResponse<>(Map.of("error", "Unknown action '" + action
                        + "'; use pause or resume"), WebEndpointResponse.STATUS_BAD_REQUEST);
            }
        }
        return new WebEndpointResponse<>(ListenerDescription.of(found.get()));
    }

    private Optional<MessageListenerContainer> find(String id) {
        return containers().stream().filter(container -> container.getListenerId().equals(id)).findFirst();
    }

    private List<MessageListenerContainer> containers() {
        KafkaExListenerEndpointRegistry current = registry.get();
        return current == null ? List.of() : List.copyOf(current.getListenerContainers());
    }

    private WebEndpointResponse<Object> unknownListener(String id) {
        return new WebEndpointResponse<>(Map.of("error", "No @KafkaExListener with id '" + id + "'; known ids: "
                + containers().stream().map(MessageListenerContainer::getListenerId).toList()),
                WebEndpointResponse.STATUS_NOT_FOUND);
    }
}
