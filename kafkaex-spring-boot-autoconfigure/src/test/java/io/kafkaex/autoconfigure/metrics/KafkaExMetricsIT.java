package io.kafkaex.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.autoconfigure.KafkaExOptionsFactory;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.NewTopic;
import io.kafkaex.client.ProduceOptions;
import io.kafkaex.client.ProduceRecord;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A Boot context on the shared broker: the auto-configured client and a producer built from the options factory record
 * meters with the expected names, tags and counts, and leave none behind when the context closes.
 */
@KafkaExBroker
class KafkaExMetricsIT {

    private static final String CLIENT_ID = "KafkaExMetricsIT";
    private static final String TOPIC = "KafkaExMetricsIT-topic";
    private static final int SENDS = 3;

    @Test
    void requestsProducesAndConnectionsAreMeteredPerClientAndRemovedOnClose(KafkaTestCluster cluster) {
        MeterRegistry registry = new SimpleMeterRegistry();
        new ApplicationContextRunner()
                .withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers(),
                        "kafkaex.client-id=" + CLIENT_ID)
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class,
                        KafkaExMetricsAutoConfiguration.class))
                .withBean(MeterRegistry.class, () -> registry)
                .withUserConfiguration(ProducerConfiguration.class)
                .run(context -> {
                    KafkaExClient client = context.getBean(KafkaExClient.class);
                    client.createTopicSync(NewTopic.of(TOPIC));
                    client.metadataSync(List.of(TOPIC));
                    for (int i = 0; i < SENDS; i++) {
                        client.produceOneSync(TOPIC, 0, ProduceRecord.of(null, bytes("direct-" + i)),
                                ProduceOptions.defaults());
                    }
                    KafkaExProducer producer = context.getBean(KafkaExProducer.class);
                    for (int i = 0; i < SENDS; i++) {
                        producer.send(ProducerRecord.of(TOPIC, 0, null, bytes("batched-" + i))).join();
                    }

                    assertThat(registry.get("kafkaex.request").tags("client.id", CLIENT_ID, "api", "PRODUCE",
                            "outcome", "success").timers().stream().mapToLong(timer -> timer.count()).sum())
                            .isGreaterThanOrEqualTo(SENDS);
                    assertThat(registry.get("kafkaex.request").tags("client.id", CLIENT_ID, "api", "CREATE_TOPICS")
                            .timers().stream().mapToLong(timer -> timer.count()).sum()).isGreaterThanOrEqualTo(1);
                    assertThat(registry.get("kafkaex.request").tags("client.id", CLIENT_ID, "api", "METADATA")
                            .timers()).allSatisfy(timer -> assertThat(timer.getId().getTag("broker"))
                                    .matches("bootstrap|\\d+"));
                    assertThat(registry.get("kafkaex.produce").tags("client.id", CLIENT_ID, "topic", TOPIC,
                            "outcome", "success").timer().count()).isEqualTo(SENDS);
                    assertThat(registry.get("kafkaex.connections").tags("client.id", CLIENT_ID, "event", "opened")
                            .counters().stream().mapToDouble(counter -> counter.count()).sum()).isGreaterThanOrEqualTo(1);
                    String producerId = producer.options().client().clientId();
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                            registry.get("kafkaex.request").tags("client.id", producerId, "api", "PRODUCE").timers()
                                    .stream().mapToLong(timer -> timer.count()).sum()).isGreaterThanOrEqualTo(1));
                    assertThat(registry.get("kafkaex.producer.buffer.total").tags("client.id", producerId).gauge()
                            .value()).isEqualTo(producer.options().bufferMemory());
                    assertThat(registry.get("kafkaex.producer.buffer.available").tags("client.id", producerId).gauge()
                            .value()).isPositive();
                    assertThat(registry.get("kafkaex.requests.in-flight").gauges()).extracting(g -> g.getId()
                            .getTag("client.id")).containsExactlyInAnyOrder(CLIENT_ID, producerId);
                });

        assertThat(registry.getMeters()).as("every client closed with the context, and its meters with it")
                .extracting(Meter::getId).filteredOn(id -> id.getName().startsWith("kafkaex.")).isEmpty();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Configuration(proxyBeanMethods = false)
    static class ProducerConfiguration {

        @Bean(destroyMethod = "close")
        KafkaExProducer producer(KafkaExOptionsFactory options) {
            return KafkaExProducer.create(options.producerOptions(CLIENT_ID).build());
        }
    }
}
