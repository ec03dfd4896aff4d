package io.kafkaex.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.Acks;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.protocol.record.compression.CompressionType;
import io.kafkaex.spring.core.KafkaExTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** Both sender applications start with only their own client and the producer settings the benchmark states. */
class SpringClientTest {

    private static final String NO_BROKER = "localhost:9";

    @Test
    void theKafkaExApplicationHasOnlyTheStarterWithTheStatedSettings() {
        try (ConfigurableApplicationContext context = start(SpringClient.KAFKAEX)) {
            ProducerOptions options = context.getBean(KafkaExProducer.class).options();

            assertThat(options.acks()).isEqualTo(Acks.ALL);
            assertThat(options.idempotence()).isTrue();
            assertThat(options.linger()).isEqualTo(Duration.ofMillis(5));
            assertThat(options.batchSize()).isEqualTo(16_384);
            assertThat(options.bufferMemory()).isEqualTo(32L * 1024 * 1024);
            assertThat(options.maxInFlight()).isEqualTo(5);
            assertThat(options.compression()).isEqualTo(CompressionType.NONE);
            assertThat(context.getBeansOfType(KafkaExTemplate.class)).hasSize(1);
            assertThat(context.getBeansOfType(KafkaTemplate.class)).isEmpty();
        }
    }

    @Test
    void theSpringKafkaApplicationHasOnlyBootsKafkaAutoConfigurationWithTheSameSettings() {
        try (ConfigurableApplicationContext context = start(SpringClient.SPRING_KAFKA)) {
            ProducerFactory<?, ?> factory = context.getBean(ProducerFactory.class);
            Map<String, String> configuration = factory.getConfigurationProperties().entrySet().stream().collect(Collectors.toMap(entry -> entry.getKey().toString(),
                            entry -> String.valueOf(entry.getValue())));

            assertThat(configuration).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                    .containsEntry("linger.ms", "5").containsEntry("batch.size", "16384")
                    .containsEntry("buffer.memory", Long.toString(32L * 1024 * 1024))
                    .containsEntry("max.in.flight.requests.per.connection", "5").containsEntry("compression.type", "none")
                    .containsEntry("bootstrap.servers", "[" + NO_BROKER + "]");
            assertThat(context.getBeansOfType(KafkaTemplate.class)).hasSize(1);
            assertThat(context.getBeansOfType(KafkaExTemplate.class)).isEmpty();
        }
    }

    private static ConfigurableApplicationContext start(SpringClient client) {
        return new SpringApplicationBuilder(client.senderApplication()).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties(client.clientProperties(NO_BROKER)).run();
    }
}
