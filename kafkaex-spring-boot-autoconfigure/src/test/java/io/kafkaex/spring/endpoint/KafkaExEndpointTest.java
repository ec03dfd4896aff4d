package io.kafkaex.spring.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.PartitionLag;
import io.kafkaex.spring.listener.FakeListenerContainer;
import io.kafkaex.spring.listener.KafkaExListenerEndpointRegistry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

class KafkaExEndpointTest {

    private final KafkaExListenerEndpointRegistry registry = new KafkaExListenerEndpointRegistry();
    private final FakeListenerContainer orders = new FakeListenerContainer("orders", "g1", "orders", "refunds")
            .holds(new TopicPartition("orders", 1), new PartitionLag(100, 80, 95))
            .holds(new TopicPartition("orders", 0), null);
    private final KafkaExEndpoint endpoint = new KafkaExEndpoint(() -> registry);

    KafkaExEndpointTest() {
        registry.register(orders);
        registry.register(new FakeListenerContainer("audit", "g2", "audit")
                .failed(new IllegalStateException("fenced")));
    }

    @Test
    void listsEveryListenerWithItsPartitionsLagAndFailure() {
        List<ListenerDescription> listeners = endpoint.listeners().get("listeners");

        assertThat(listeners).extracting(ListenerDescription::id).containsExactly("orders", "audit");
        ListenerDescription first = listeners.get(0);
        assertThat(first.groupId()).isEqualTo("g1");
        assertThat(first.topics()).containsExactly("orders", "refunds");
        assertThat(first.state()).isEqualTo("RUNNING");
        assertThat(first.partitions()).containsExactly(
                new ListenerDescription.PartitionDescription("orders", 0, null, null),
                new ListenerDescription.PartitionDescription("orders", 1, 5L, 20L));
        assertThat(listeners.get(1).failure()).isEqualTo("IllegalStateException: fenced");
    }

    @Test
    void showsOneListenerByIdAndAnswers404ForAnUnknownOne() {
        assertThat(endpoint.listener("orders").getBody()).isEqualTo(ListenerDescription.of(orders));

        WebEndpointResponse<Object> unknown = endpoint.listener("nope");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getBody()).isEqualTo(Map.of("error",
                "No @KafkaExListener with id 'nope'; known ids: [orders, audit]"));
    }

    @Test
    void pausesAndResumesAListener() {
        WebEndpointResponse<Object> paused = endpoint.control("orders", "pause");
        assertThat(orders.isPauseRequested()).isTrue();
        assertThat(((ListenerDescription) paused.getBody()).paused()).isTrue();

        endpoint.control("orders", "resume");
        assertThat(orders.isPauseRequested()).isFalse();
    }

    @Test
    void anUnknownIdOrActionIsAClearError() {
        assertThat(endpoint.control("nope", "pause").getStatus()).isEqualTo(404);
        WebEndpointResponse<Object> badAction = endpoint.control("orders", "stop");
        assertThat(badAction.getStatus()).isEqualTo(400);
        assertThat(badAction.getBody()).isEqualTo(Map.of("error", "Unknown action 'stop'; use pause or resume"));
        assertThat(orders.isPauseRequested()).isFalse();
    }

    @Test
    void withoutARegistryThereAreNoListeners() {
        assertThat(new KafkaExEndpoint(() -> null).listeners()).isEqualTo(Map.of("listeners", List.of()));
    }
}
