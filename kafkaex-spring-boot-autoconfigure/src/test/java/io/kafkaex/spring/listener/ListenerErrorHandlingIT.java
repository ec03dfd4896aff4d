package io.kafkaex.spring.listener;

import static io.kafkaex.spring.listener.TestRecords.text;
import static io.kafkaex.spring.listener.TestRecords.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.autoconfigure.metrics.KafkaExMetricsAutoConfiguration;
import io.kafkaex.client.FetchOptions;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.core.KafkaExAdmin;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Error handling end to end in a Boot context against a real broker, with only the auto-configured
 * {@link DefaultListenerErrorHandler} and {@link DeadLetterPublishingRecoverer}: a record a listener always fails on,
 * a record that cannot be deserialized and a failing batch reach {@code <topic>.DLT} with their {@code kafkaex_dlt-*}
 * headers after the configured attempts, the records after them are processed, the group's committed offset moves past
 * them, and the container keeps running (a processing error never kills a container silently).
 */
@KafkaExBroker
class ListenerErrorHandlingIT {

    private static final String P = "ListenerErrorHandlingIT-";
    private static KafkaExClient client;
    private static KafkaExProducer producer;
    private static ApplicationContextRunner runner;

    @BeforeAll
    static void topics(KafkaTestCluster cluster) {
        for (String topic : List.of("always-failing", "unreadable", "batch")) {
            cluster.createTopic(P + topic, 1, 1);
            cluster.createTopic(P + topic + ".DLT", 1, 1);
        }
        KafkaExClientOptions options = KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers()).build();
        client = KafkaExClient.create(options);
        producer = KafkaExProducer.create(ProducerOptions.builder(options).build());
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withUserConfiguration(KafkaExListenerIT.Common.class)
                .withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers(),
                        "kafkaex.listener.error-handler.max-attempts=3",
                        "kafkaex.listener.error-handler.backoff.type=fixed",
                        "kafkaex.listener.error-handler.backoff.interval=100ms",
                        "kafkaex.consumer.commit-interval=200ms");
    }

    @AfterAll
    static void close() {
        producer.close();
        client.close();
    }

    @Test
    void aRecordTheListenerAlwaysFailsOnIsDeadLetteredAfterThreeAttemptsAndTheFollowingRecordsAreProcessed() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        runner.withUserConfiguration(AlwaysFailing.class).withBean(MeterRegistry.class, () -> meters)
                .withConfiguration(AutoConfigurations.of(KafkaExMetricsAutoConfiguration.class)).run(context -> {
            AlwaysFailing listener = context.getBean(AlwaysFailing.class);
            for (String value : List.of("ok-0", "poison", "ok-1", "ok-2")) {
                send("always-failing", value);
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> listener.processed.size() == 3);
            assertThat(listener.processed).containsExactly("ok-0", "ok-1", "ok-2");
            assertThat(listener.invocations).containsExactly("ok-0", "poison", "poison", "poison", "ok-1", "ok-2");
            Record deadLetter = onlyDeadLetter("always-failing");
            assertThat(text(deadLetter.value())).isEqualTo("poison");
            assertThat(texts(deadLetter.headers()))
                    .containsEntry(DeadLetterHeaders.EXCEPTION_FQCN, IllegalStateException.class.getName())
                    .containsEntry(DeadLetterHeaders.EXCEPTION_MESSAGE, "cannot process poison")
                    .containsEntry(DeadLetterHeaders.ORIGINAL_TOPIC, P + "always-failing")
                    .containsEntry(DeadLetterHeaders.ORIGINAL_PARTITION, "0")
                    .containsEntry(DeadLetterHeaders.ORIGINAL_OFFSET, "1")
                    .containsEntry(DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP, P + "always-failing-group")
                    .containsEntry(DeadLetterHeaders.LISTENER_ID, "always-failing")
                    .containsEntry(DeadLetterHeaders.DESERIALIZATION_FAILURE, "false")
                    .containsEntry(DeadLetterHeaders.ATTEMPTS, "3");
            assertThat(meters.get("kafkaex.listener.failures").tags("listener", "always-failing", "kind", "processing",
                    "exception", "IllegalStateException", "decision", "retry").counter().count()).isEqualTo(2);
            assertThat(meters.get("kafkaex.listener.failures").tags("listener", "always-failing", "decision",
                    "recovered").counter().count()).isEqualTo(1);
            awaitCommitted(context, "always-failing", 4);
            assertThat(state(context, "always-failing")).isEqualTo(ContainerState.RUNNING);
        });
    }

    @Test
    void aRecordThatCannotBeDeserializedIsDeadLetteredAfterOneAttemptAndTheContainerKeepsRunning() {
        runner.withUserConfiguration(Unreadable.class).run(context -> {
            Unreadable listener = context.getBean(Unreadable.class);
            send("unreadable", "not json");
            send("unreadable", "{\"id\":\"o-1\",\"quantity\":2}");

            await().atMost(Duration.ofSeconds(60)).until(() -> listener.orders.size() == 1);
            assertThat(listener.orders).containsExactly(new KafkaExListenerIT.Order("o-1", 2));
            Record deadLetter = onlyDeadLetter("unreadable");
            assertThat(text(deadLetter.value())).isEqualTo("not json");
            assertThat(texts(deadLetter.headers()))
                    .containsEntry(DeadLetterHeaders.DESERIALIZATION_FAILURE, "true")
                    .containsEntry(DeadLetterHeaders.ATTEMPTS, "1")
                    .containsEntry(DeadLetterHeaders.ORIGINAL_OFFSET, "0")
                    .containsKey(DeadLetterHeaders.EXCEPTION_FQCN);
            awaitCommitted(context, "unreadable", 2);
            assertThat(state(context, "unreadable")).isEqualTo(ContainerState.RUNNING);
            assertThat(registry(context).getListenerContainer("unreadable").orElseThrow().getFailure()).isEmpty();
        });
    }

    @Test
    void aFailingBatchGoesWholeToTheDeadLetterTopicAfterTheAttemptsAndTheNextBatchIsProcessed() {
        for (String value : List.of("b-0", "poison", "b-2")) {
            send("batch", value); // before the start, so that the first fetch holds them all
        }
        runner.withUserConfiguration(FailingBatch.class).run(context -> {
            FailingBatch listener = context.getBean(FailingBatch.class);

            await().atMost(Duration.ofSeconds(60)).until(() -> listener.failed.size() == 3
                    && deadLetters("batch").size() == listener.failed.peek().size());
            List<String> failedBatch = listener.failed.peek();
            assertThat(failedBatch).containsExactly("b-0", "poison", "b-2");
            assertThat(listener.failed).hasSize(3).allSatisfy(batch -> assertThat(batch).isEqualTo(failedBatch));
            List<Record> deadLetters = deadLetters("batch");
            assertThat(deadLetters).extracting(record -> text(record.value())).containsExactlyElementsOf(failedBatch);
            assertThat(deadLetters).allSatisfy(record -> assertThat(texts(record.headers()))
                    .containsEntry(DeadLetterHeaders.ATTEMPTS, "3")
                    .containsEntry(DeadLetterHeaders.EXCEPTION_MESSAGE, "batch with poison"));

            send("batch", "after");
            await().atMost(Duration.ofSeconds(60)).until(() -> listener.processed.contains("after"));
            awaitCommitted(context, "batch", 4);
            assertThat(state(context, "batch")).isEqualTo(ContainerState.RUNNING);
        });
    }

    private static void send(String topic, String value) {
        producer.send(ProducerRecord.of(P + topic, null, value.getBytes(StandardCharsets.UTF_8))).join();
    }

    private static List<Record> deadLetters(String topic) {
        return client.fetchSync(P + topic + ".DLT", 0, 0, FetchOptions.defaults().withMaxWait(Duration.ZERO)).records();
    }

    private static Record onlyDeadLetter(String topic) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters(topic).isEmpty());
        List<Record> deadLetters = deadLetters(topic);
        assertThat(deadLetters).hasSize(1);
        return deadLetters.get(0);
    }

    /** Waits until the listener's group has committed {@code next} (the offset after the last record) on partition 0. */
    private static void awaitCommitted(ApplicationContext context, String listenerId, long next) {
        KafkaExAdmin admin = context.getBean(KafkaExAdmin.class);
        String group = registry(context).getListenerContainer(listenerId).orElseThrow().getGroupId();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.fetchCommittedOffsets(group, P + listenerId,
                List.of(0)).get(0).offset() == next);
    }

    private static ContainerState state(ApplicationContext context, String listenerId) {
        return registry(context).getListenerContainer(listenerId).orElseThrow().getState();
    }

    private static KafkaExListenerEndpointRegistry registry(ApplicationContext context) {
        return context.getBean(KafkaExListenerEndpointRegistry.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class AlwaysFailing {
        final Queue<String> invocations = new ConcurrentLinkedQueue<>();
        final Queue<String> processed = new ConcurrentLinkedQueue<>();

        @KafkaExListener(id = "always-failing", topics = P + "always-failing", groupId = P + "always-failing-group")
        void listen(String value) {
            invocations.add(value);
            if (value.equals("poison")) {
                throw new IllegalStateException("cannot process " + value);
            }
            processed.add(value);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Unreadable {
        final Queue<KafkaExListenerIT.Order> orders = new ConcurrentLinkedQueue<>();

        @KafkaExListener(id = "unreadable", topics = P + "unreadable")
        void listen(KafkaExListenerIT.Order order) {
            orders.add(order);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingBatch {
        /** Each batch the listener failed on, in order. */
        final Queue<List<String>> failed = new ConcurrentLinkedQueue<>();
        final Queue<String> processed = new ConcurrentLinkedQueue<>();

        @KafkaExListener(id = "batch", topics = P + "batch", batch = "true")
        void listen(List<String> values) {
            if (values.contains("poison")) {
                failed.add(List.copyOf(values));
                throw new IllegalStateException("batch with poison");
            }
            processed.addAll(values);
        }
    }
}
