package io.kafkaex.spring.core;

import static io.kafkaex.spring.core.BrokerRecords.header;
import static io.kafkaex.spring.core.BrokerRecords.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.autoconfigure.KafkaExProducerOptionsCustomizer;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.producer.ProducerTimeoutException;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.spring.serialization.JsonSerializer;
import io.kafkaex.spring.support.KafkaExHeaders;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The auto-configured template against a real broker: what it sends is what kafka_ex's fetch reads back. */
@KafkaExBroker
class KafkaExTemplateIT {

    private static final String TOPIC = "KafkaExTemplateIT-records";
    private static final Duration WAIT = Duration.ofSeconds(30);

    record Order(String id, int quantity) {
    }

    private static ApplicationContextRunner runner;

    @BeforeAll
    static void createTopics(KafkaTestCluster cluster) {
        cluster.createTopic(TOPIC + "-string", 1, 1);
        cluster.createTopic(TOPIC + "-json", 1, 1);
        cluster.createTopic(TOPIC + "-placed", 3, 1);
        cluster.createTopic(TOPIC + "-message", 2, 1);
        cluster.createTopic(TOPIC + "-default", 1, 1);
        cluster.createTopic(TOPIC + "-large", 1, 1);
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class, JacksonAutoConfiguration.class))
                .withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers())
                .withBean(KafkaExProducerOptionsCustomizer.class, () -> builder -> builder.maxBlock(Duration.ofSeconds(3)));
    }

    @Test
    void aStringRecordRoundTrips() {
        runner.run(context -> {
            String topic = TOPIC + "-string";

            SendResult<Object, Object> result = template(context).send(topic, "key-1", "hello").get(WAIT.toSeconds(),
                    java.util.concurrent.TimeUnit.SECONDS);

            assertThat(result.recordMetadata().topic()).isEqualTo(topic);
            assertThat(result.producerRecord().value()).isEqualTo("hello");
            Record record = BrokerRecords.only(client(context), topic, 0);
            assertThat(record.offset()).isEqualTo(result.offset());
            assertThat(text(record.key())).isEqualTo("key-1");
            assertThat(text(record.value())).isEqualTo("hello");
        });
    }

    @Test
    void aPojoRoundTripsAsJsonWithItsTypeHeader() {
        runner.run(context -> {
            String topic = TOPIC + "-json";

            SendResult<Object, Object> result = template(context).send(topic, "o-7", new Order("o-7", 3)).join();

            assertThat(result.producerRecord().headers()).extracting(Header::key).contains(JsonSerializer.TYPE_ID_HEADER);
            Record record = BrokerRecords.only(client(context), topic, 0);
            assertThat(header(record, JsonSerializer.TYPE_ID_HEADER)).isEqualTo(Order.class.getName());
            assertThat(context.getBean(JsonMapper.class).readValue(text(record.value()), Order.class))
                    .isEqualTo(new Order("o-7", 3));
        });
    }

    @Test
    void partitionTimestampAndHeadersAreSentAsGiven() {
        runner.run(context -> {
            String topic = TOPIC + "-placed";
            long timestamp = 1_700_000_000_000L;

            SendResult<Object, Object> result = template(context).send(topic, 2, timestamp, "k", "v",
                    List.of(Header.of("origin", "it".getBytes(StandardCharsets.UTF_8)))).join();

            assertThat(result.partition()).isEqualTo(2);
            Record record = BrokerRecords.only(client(context), topic, 2);
            assertThat(record.timestamp()).isEqualTo(timestamp);
            assertThat(header(record, "origin")).isEqualTo("it");
        });
    }

    @Test
    void aMessageGoesWhereItsHeadersSayWithItsOtherHeaders() {
        runner.run(context -> {
            String topic = TOPIC + "-message";

            template(context).send(MessageBuilder.withPayload("payload")
                    .setHeader(KafkaExHeaders.TOPIC, topic)
                    .setHeader(KafkaExHeaders.PARTITION, 1)
                    .setHeader(KafkaExHeaders.KEY, "message-key")
                    .setHeader("source", "message-it")
                    .build()).join();

            Record record = BrokerRecords.only(client(context), topic, 1);
            assertThat(text(record.key())).isEqualTo("message-key");
            assertThat(text(record.value())).isEqualTo("payload");
            assertThat(header(record, "source")).isEqualTo("message-it");
            assertThat(record.headers()).extracting(Header::key).doesNotContain("id", "timestamp", KafkaExHeaders.TOPIC);
        });
    }

    @Test
    void sendDefaultGoesToTheDefaultTopic() {
        runner.withPropertyValues("kafkaex.template.default-topic=" + TOPIC + "-default").run(context -> {
            SendResult<Object, Object> result = template(context).sendDefault("k", "to the default").join();

            assertThat(result.recordMetadata().topic()).isEqualTo(TOPIC + "-default");
            assertThat(text(BrokerRecords.only(client(context), TOPIC + "-default", 0).value())).isEqualTo("to the default");
        });
    }

    @Test
    void anUnknownTopicFailsTheFutureNamingTheTopic() {
        runner.run(context -> assertThat(template(context).send(TOPIC + "-missing", "v"))
                .failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOf(ProducerTimeoutException.class)
                .withMessageContaining(TOPIC + "-missing"));
    }

    @Test
    void anOversizedRecordFailsTheFutureWithMessageTooLarge() {
        runner.run(context -> assertThat(template(context).send(TOPIC + "-large", new byte[2 * 1024 * 1024]))
                .failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOf(KafkaErrorException.class)
                .withMessageContaining("max-request-size"));
    }

    @SuppressWarnings("unchecked")
    static KafkaExTemplate<Object, Object> template(ApplicationContext context) {
        return context.getBean(KafkaExTemplate.class);
    }

    static KafkaExClient client(ApplicationContext context) {
        return context.getBean(KafkaExClient.class);
    }
}
