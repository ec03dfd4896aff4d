package io.kafkaex.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kafkaex.autoconfigure.KafkaExProperties;
import io.kafkaex.spring.core.KafkaExAdmin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The sample application end to end, started as the README's run command starts it: with an embedded real broker.
 * Orders go in over HTTP and the listeners' effects, the dead-letter path, health, metrics and the {@code kafkaex}
 * endpoint are observed over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EmbeddedKafkaConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST_OF_OBJECTS =
            new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<List<String>>> LIST_OF_LISTS =
            new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT =
            new ParameterizedTypeReference<>() { };

    @Autowired
    private EmbeddedKafkaBroker embeddedBroker;

    @Autowired
    private KafkaExProperties properties;

    @Autowired
    private KafkaExAdmin admin;

    @LocalServerPort
    private int port;

    private RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.create("http://127.0.0.1:" + port);
    }

    @Test
    void runsOnTheEmbeddedBrokerAndLogsHowToTryIt(CapturedOutput output) {
        assertThat(embeddedBroker.cluster()).isNotNull();
        assertThat(properties.getBootstrapServers()).containsExactly(embeddedBroker.cluster().bootstrapServers());
        await().atMost(PATIENCE).until(() -> output.getAll().contains("KafkaEx sample is ready"));
        assertThat(output.getAll())
                .contains("curl -X POST http://localhost:" + port + "/orders -H 'Content-Type: application/json'")
                .contains("http://localhost:" + port + "/orders/dead-letters")
                .contains("http://localhost:" + port + "/actuator/prometheus");
    }

    @Test
    void anOrderIsProcessedAuditedInABatchAndShippedWithItsOffsetCommittedAfterTheAcknowledgment() {
        Map<String, Object> receipt = place(Map.of("id", "it-ok-1", "customer", "alice", "product", "book",
                "amount", 12.5));
        assertThat(receipt).containsEntry("orderId", "it-ok-1").containsEntry("topic", "orders");
        int partition = (Integer) receipt.get("partition");
        long offset = ((Number) receipt.get("offset")).longValue();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/orders/processed", LIST_OF_OBJECTS))
                .anySatisfy(processed -> {
                    assertThat(processed.get("order")).isEqualTo(Map.of("id", "it-ok-1", "customer", "alice",
                            "product", "book", "amount", 12.5));
                    assertThat(processed).containsEntry("partition", partition);
                    assertThat(((Number) processed.get("offset")).longValue()).isEqualTo(offset);
                }));
        await().atMost(PATIENCE).until(() -> get("/orders/audit", LIST_OF_LISTS).stream()
                .anyMatch(batch -> batch.contains("it-ok-1")));
        await().atMost(PATIENCE).until(() -> get("/orders/shipped", new ParameterizedTypeReference<List<String>>() { })
                .contains("it-ok-1"));
        await().atMost(PATIENCE).until(() -> admin.fetchCommittedOffsets("order-shipping", "orders",
                List.of(partition)).get(0).offset() > offset);
    }

    @Test
    void anOrderProcessingFailsOnIsRetriedThenReadBackFromTheDeadLetterTopicWithItsHeaders() {
        Map<String, Object> receipt = place(Map.of("id", "it-fail-1", "customer", "fail", "product", "book",
                "amount", 1));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/orders/dead-letters", LIST_OF_OBJECTS))
                .anySatisfy(deadLetter -> {
                    assertThat((String) deadLetter.get("value")).contains("\"id\":\"it-fail-1\"");
                    assertThat(deadLetter)
                            .containsEntry("originalTopic", "orders")
                            .containsEntry("originalPartition", receipt.get("partition").toString())
                            .containsEntry("originalOffset", receipt.get("offset").toString())
                            .containsEntry("listenerId", "order-processing")
                            .containsEntry("exception", IllegalArgumentException.class.getName())
                            .containsEntry("attempts", "3");
                    assertThat((String) deadLetter.get("exceptionMessage")).contains("Cannot process order it-fail-1");
                }));
        assertThat(get("/orders/processed", LIST_OF_OBJECTS))
                .noneSatisfy(processed -> assertThat(processed.get("order").toString()).contains("it-fail-1"));
    }

    @Test
    void healthMetricsPrometheusAndTheKafkaexEndpointAnswerAsDocumented() {
        place(Map.of("id", "it-metrics-1", "customer", "bob", "product", "pen", "amount", 2));
        await().atMost(PATIENCE).until(() -> get("/orders/processed", LIST_OF_OBJECTS).stream()
                .anyMatch(processed -> processed.get("order").toString().contains("it-metrics-1")));

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> health = get("/actuator/health", OBJECT);
            assertThat(health).containsEntry("status", "UP");
            assertThat(component(health, "kafkaex")).containsEntry("status", "UP");
            assertThat(component(component(health, "kafkaex"), "listeners"))
                    .containsKeys("components");
            assertThat(get("/actuator/health/liveness", OBJECT)).containsEntry("status", "UP");
            assertThat(get("/actuator/health/readiness", OBJECT)).containsEntry("status", "UP");
        });
        Map<String, Object> listenerHealth = component(component(get("/actuator/health", OBJECT), "kafkaex"),
                "listeners");
        assertThat(component(listenerHealth, "order-processing")).containsEntry("status", "UP");

        Map<String, Object> process = get("/actuator/metrics/kafkaex.consumer.process", OBJECT);
        assertThat(process).containsEntry("name", "kafkaex.consumer.process");
        assertThat(process.get("availableTags").toString()).contains("order-processing", "orders");

        String prometheus = get("/actuator/prometheus", new ParameterizedTypeReference<String>() { });
        assertThat(prometheus).contains("kafkaex_consumer_process_seconds_count", "kafkaex_produce_seconds_count",
                "kafkaex_request_seconds_count");

        Map<String, Object> kafkaex = get("/actuator/kafkaex", OBJECT);
        assertThat(kafkaex.toString()).contains("order-processing", "order-audit", "order-shipping",
                "order-dead-letters");
    }

    private Map<String, Object> place(Map<String, Object> order) {
        ResponseEntity<Map<String, Object>> response = http.post().uri("/orders")
                .contentType(MediaType.APPLICATION_JSON).body(order).retrieve().toEntity(OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody();
    }

    private <T> T get(String path, ParameterizedTypeReference<T> type) {
        return http.get().uri(path).retrieve().body(type);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(Map<String, Object> health, String name) {
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(components).as("components of %s", health).containsKey(name);
        return (Map<String, Object>) components.get(name);
    }
}
