package io.kafkaex.spring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.spring.serialization.SerializationException;
import io.kafkaex.spring.serialization.StringSerializer;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

/** What the template decides before a record reaches the producer; no broker (nothing is sent). */
class KafkaExTemplateTest {

    private final KafkaExProducer producer = KafkaExProducer.create(ProducerOptions.builder(
            KafkaExClientOptions.builder().bootstrapServers("127.0.0.1:1").build()).idempotence(false).build());
    private final TransactionalProducerPool pool = new TransactionalProducerPool("tx-", id -> {
        throw new AssertionError("no transaction in these tests");
    });

    @AfterEach
    void close() {
        producer.close(Duration.ZERO);
        pool.close();
    }

    @Test
    void aSerializationFailureFailsTheFutureAndErrorsTheObservation() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        KafkaExTemplate<String, String> template = new KafkaExTemplate<>(producer, new StringSerializer(), (topic, headers, value) -> {
            throw new SerializationException("cannot write " + value);
        });
        template.setObservationRegistry(registry);

        assertThat(template.send("orders", "k", "v")).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingCause().isInstanceOf(SerializationException.class).withMessage("cannot write v");
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasNameEqualTo(DefaultKafkaExTemplateObservationConvention.NAME)
                .hasBeenStarted().hasBeenStopped().assertThatError().isInstanceOf(SerializationException.class);
    }

    @Test
    void sendDefaultWithoutADefaultTopicFailsNamingTheProperty() {
        KafkaExTemplate<String, String> template = new KafkaExTemplate<>(producer, new StringSerializer(), new StringSerializer());

        assertThat(template.sendDefault("v")).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingCause().isInstanceOf(IllegalStateException.class)
                .withMessageContaining("kafkaex.template.default-topic");
    }

    @Test
    void aMessageWithoutTopicFailsTheFuture() {
        KafkaExTemplate<String, String> template = new KafkaExTemplate<>(producer, new StringSerializer(), new StringSerializer());

        assertThat(template.send(MessageBuilder.withPayload("v").build())).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingCause().isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTransactionalTemplateRefusesSendsOutsideATransaction() {
        KafkaExTemplate<String, String> template = new KafkaExTemplate<>(pool, new StringSerializer(), new StringSerializer());

        assertThat(template.isTransactional()).isTrue();
        assertThatThrownBy(() -> template.send("orders", "v")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("executeInTransaction");
    }

    @Test
    void aPlainTemplateRefusesTransactionsNamingTheProperty() {
        KafkaExTemplate<String, String> template = new KafkaExTemplate<>(producer, new StringSerializer(), new StringSerializer());

        assertThatThrownBy(() -> template.executeInTransaction(operations -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafkaex.producer.transaction-id-prefix");
    }
}
