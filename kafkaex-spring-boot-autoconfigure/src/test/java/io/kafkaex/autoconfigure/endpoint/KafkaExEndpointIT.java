package io.kafkaex.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kafkaex.autoconfigure.ListenerITSupport;
import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.endpoint.KafkaExEndpoint;
import io.kafkaex.spring.endpoint.ListenerDescription;
import io.kafkaex.spring.endpoint.ListenerDescription.PartitionDescription;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code kafkaex} actuator endpoint over a real listener container on the shared broker: the read operation lists
 * the listener with its group, topic, state RUNNING and both partitions with their lag (0 once its records are
 * processed); the pause operation pauses the container for real (records sent afterwards are not processed while it
 * is paused) and resume lets them through.
 */
@KafkaExBroker
class KafkaExEndpointIT {

    private static final String P = "KafkaExEndpointIT";
    private static final String TOPIC = P + "-topic";
    private static final String GROUP = P + "-group";

    private static ListenerITSupport support;

    @BeforeAll
    static void topic(KafkaTestCluster cluster) {
        support = ListenerITSupport.on(cluster).withTopic(TOPIC, 2);
    }

    @AfterAll
    static void close() {
        support.close();
    }

    @Test
    void listsTheRealListenerWithItsPartitionsAndLagAndPausesAndResumesIt() {
        support.runner(P, KafkaExEndpointAutoConfiguration.class).withUserConfiguration(Listener.class)
                .withPropertyValues("management.endpoints.web.exposure.include=kafkaex").run(context -> {
                    KafkaExEndpoint endpoint = context.getBean(KafkaExEndpoint.class);
                    Listener listener = context.getBean(Listener.class);
                    support.send(TOPIC, 0, "before-0");
                    support.send(TOPIC, 1, "before-1");

                    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                        assertThat(listener.seen).containsExactlyInAnyOrder("before-0", "before-1");
                        assertThat(endpoint.listeners().get("listeners")).singleElement().satisfies(described -> {
                            assertThat(described.id()).isEqualTo("described");
                            assertThat(described.groupId()).isEqualTo(GROUP);
                            assertThat(described.topics()).containsExactly(TOPIC);
                            assertThat(described.state()).isEqualTo("RUNNING");
                            assertThat(described.running()).isTrue();
                            assertThat(described.paused()).isFalse();
                            assertThat(described.failure()).isNull();
                            assertThat(described.partitions()).containsExactly(
                                    new PartitionDescription(TOPIC, 0, 0L, 0L),
                                    new PartitionDescription(TOPIC, 1, 0L, 0L));
                        });
                    });

                    WebEndpointResponse<Object> paused = endpoint.control("described", "pause");
                    assertThat(paused.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
                    assertThat(paused.getBody()).isInstanceOfSatisfying(ListenerDescription.class,
                            described -> assertThat(described.paused()).isTrue());
                    support.send(TOPIC, 0, "while-paused-0");
                    support.send(TOPIC, 1, "while-paused-1");
                    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                            assertThat(listener.seen).as("nothing is processed while paused").hasSize(2));

                    WebEndpointResponse<Object> resumed = endpoint.control("described", "resume");
                    assertThat(resumed.getBody()).isInstanceOfSatisfying(ListenerDescription.class,
                            described -> assertThat(described.paused()).isFalse());
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listener.seen)
                            .contains("while-paused-0", "while-paused-1").hasSize(4));

                    assertThat(endpoint.listener("unknown").getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
                });
    }

    /** The listener the endpoint describes. */
    @Configuration(proxyBeanMethods = false)
    static class Listener {
        final Queue<String> seen = new ConcurrentLinkedQueue<>();

        @KafkaExListener(id = "described", topics = TOPIC, groupId = GROUP)
        void described(String value) {
            seen.add(value);
        }
    }
}
