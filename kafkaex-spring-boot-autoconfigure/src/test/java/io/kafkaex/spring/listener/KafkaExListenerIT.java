package io.kafkaex.spring.listener;

import io.kafkaex.spring.support.KafkaExHeaders;
import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.autoconfigure.KafkaExConsumerGroupOptionsCustomizer;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.consumer.OffsetResetPolicy;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.SendTo;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @KafkaExListener} in a Boot context against a real broker: String, JSON, batch and header listeners, replies,
 * auto-startup off, pause and resume, retries through the error handler, concurrency, manual acknowledgment and
 * graceful shutdown across restarts, virtual threads.
 */
@KafkaExBroker
class KafkaExListenerIT {

    private static final String P = "KafkaExListenerIT-";
    private static KafkaExProducer producer;
    private static String servers;

    @BeforeAll
    static void topics(KafkaTestCluster cluster) {
        servers = cluster.bootstrapServers();
        for (String topic : List.of("strings", "json", "batch", "requests", "replies", "later", "failing", "wide",
                "manual", "graceful", "virtual", "assigned", "pattern-a", "unreadable")) {
            cluster.createTopic(P + topic, topic.equals("wide") ? 4 : 1, 1);
        }
        producer = KafkaExProducer.create(ProducerOptions.builder(KafkaExClientOptions.builder()
                .bootstrapServers(servers).build()).build());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    private static void send(String topic, String key, String value, io.kafkaex.protocol.record.Header... headers) {
        producer.send(ProducerRecord.of(P + topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8)).withHeaders(List.of(headers))).join();
    }

    private static ApplicationContextRunner runner(Class<?>... configs) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withUserConfiguration(Common.class).withUserConfiguration(configs)
                .withPropertyValues("kafkaex.bootstrap-servers=" + servers, "spring.application.name=" + P + "app");
    }

    @Test
    void stringJsonBatchAndHeaderListenersGetTheirRecordsConverted() {
        runner(Listeners.class).run(context -> {
            Listeners listeners = context.getBean(Listeners.class);
            send("strings", "k1", "hello", io.kafkaex.protocol.record.Header.of("trace", "t-1".getBytes(StandardCharsets.UTF_8)));
            send("json", null, "{\"id\":\"o-1\",\"quantity\":3}");
            for (int i = 0; i < 5; i++) {
                send("batch", null, "b" + i);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> listeners.strings.size() == 1
                    && listeners.orders.size() == 1 && listeners.batched.stream().mapToInt(List::size).sum() == 5);
            assertThat(listeners.strings).containsExactly("hello|k1|" + P + "strings|0|t-1");
            assertThat(listeners.orders).containsExactly(new Order("o-1", 3));
            assertThat(listeners.batched.stream().flatMap(List::stream)).containsExactly("b0", "b1", "b2", "b3", "b4");
            KafkaExListenerEndpointRegistry registry = context.getBean(KafkaExListenerEndpointRegistry.class);
            assertThat(registry.getListenerContainer("strings")).get()
                    .satisfies(container -> assertThat(container.getState()).isEqualTo(ContainerState.RUNNING));
        });
    }

    @Test
    void aSendToListenerRepliesAndAListenerWithoutAutoStartupStartsThroughTheRegistryAndPauses() {
        runner(Listeners.class).run(context -> {
            Listeners listeners = context.getBean(Listeners.class);
            send("requests", "r", "ping");
            await().atMost(Duration.ofSeconds(60)).until(() -> listeners.replies.contains("PING"));

            KafkaExListenerEndpointRegistry registry = context.getBean(KafkaExListenerEndpointRegistry.class);
            MessageListenerContainer later = registry.getListenerContainer("later").orElseThrow();
            assertThat(later.isRunning()).isFalse();
            registry.start("later");
            await().atMost(Duration.ofSeconds(60)).until(() -> later.getState() == ContainerState.RUNNING);
            send("later", null, "one");
            await().atMost(Duration.ofSeconds(30)).until(() -> listeners.later.contains("one"));

            registry.pause("later");
            send("later", null, "two");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> !listeners.later.contains("two"));
            registry.resume("later");
            await().atMost(Duration.ofSeconds(30)).until(() -> listeners.later.contains("two"));
        });
    }

    @Test
    void aFailingListenerIsRetriedAsTheErrorHandlerSaysThenRecoveredAndTheNextRecordFollows() {
        runner(Listeners.class).run(context -> {
            Listeners listeners = context.getBean(Listeners.class);
            RecordingErrorHandler handler = context.getBean(RecordingErrorHandler.class);
            send("failing", null, "bad");
            send("failing", null, "good");
            await().atMost(Duration.ofSeconds(60)).until(() -> listeners.failing.contains("good"));
            assertThat(listeners.failing).containsExactly("bad", "bad", "bad", "good");
            assertThat(handler.attempts).containsExactly(1, 2, 3);
        });
    }

    @Test
    void concurrencyTwoSplitsThePartitionsBetweenTwoMembers() {
        runner(Listeners.class).run(context -> {
            MessageListenerContainer wide = context.getBean(KafkaExListenerEndpointRegistry.class)
                    .getListenerContainer("wide").orElseThrow();
            await().atMost(Duration.ofSeconds(60)).until(() -> wide.getState() == ContainerState.RUNNING
                    && wide.getAssignments().size() == 4);
            KafkaExMessageListenerContainer container = (KafkaExMessageListenerContainer) wide;
            assertThat(container.memberAssignments()).hasSize(2)
                    .allSatisfy(assigned -> assertThat(assigned).hasSize(2));
        });
    }

    @Test
    void unacknowledgedRecordsAreDeliveredAgainAfterARestart() {
        for (String value : List.of("ack-0", "ack-1", "hold-2", "hold-3")) {
            send("manual", null, value);
        }
        runner(ManualListener.class).run(context -> {
            ManualListener listener = context.getBean(ManualListener.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> listener.seen.size() == 4);
        });
        runner(ManualListener.class).run(context -> {
            ManualListener listener = context.getBean(ManualListener.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> listener.seen.size() == 2);
            assertThat(listener.seen).containsExactly("hold-2", "hold-3");
        });
    }

    @Test
    void aGracefulShutdownCommitsSoARestartedContextProcessesNothingTwice() {
        for (int i = 0; i < 3; i++) {
            send("graceful", null, "first-" + i);
        }
        runner(GracefulListener.class).run(context -> {
            GracefulListener listener = context.getBean(GracefulListener.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> listener.seen.size() == 3);
        });
        send("graceful", null, "second");
        runner(GracefulListener.class).run(context -> {
            GracefulListener listener = context.getBean(GracefulListener.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> listener.seen.contains("second"));
            assertThat(listener.seen).containsExactly("second");
        });
    }

    @Test
    void withVirtualThreadsEnabledListenersRunOnVirtualThreadsWhenTheRuntimeHasThem() {
        runner(VirtualListener.class).withPropertyValues("spring.threads.virtual.enabled=true").run(context -> {
            VirtualListener listener = context.getBean(VirtualListener.class);
            send("virtual", null, "v");
            await().atMost(Duration.ofSeconds(60)).until(() -> listener.virtual.size() == 1);
            boolean runtimeHasVirtualThreads = Runtime.version().feature() >= 21;
            assertThat(listener.virtual).containsExactly(runtimeHasVirtualThreads);
        });
    }

    @Test
    void fixedPartitionsStartAtTheirInitialOffsetAndAPatternSubscribesToTheMatchingTopics() {
        for (int i = 0; i < 4; i++) {
            send("assigned", null, "a" + i);
        }
        send("pattern-a", null, "matched");
        runner(OtherSources.class).run(context -> {
            OtherSources listeners = context.getBean(OtherSources.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> listeners.assigned.size() == 2
                    && listeners.matched.contains("matched"));
            assertThat(listeners.assigned).containsExactly("a2", "a3");
            assertThat(context.getBean(KafkaExListenerEndpointRegistry.class).getListenerContainer("pattern")
                    .orElseThrow().getTopics()).containsExactly(P + "pattern-a");
        });
    }

    @Test
    void aRecordThatCannotBeConvertedGoesToTheErrorHandlerAsADeserializationFailureOnce() {
        send("unreadable", null, "not json");
        send("unreadable", null, "{\"id\":\"o-2\",\"quantity\":1}");
        runner(OtherSources.class).run(context -> {
            OtherSources listeners = context.getBean(OtherSources.class);
            RecordingErrorHandler handler = context.getBean(RecordingErrorHandler.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> listeners.orders.size() == 1);
            assertThat(listeners.orders).containsExactly(new Order("o-2", 1));
            assertThat(handler.deserializationFailures).containsExactly(true);
        });
    }

    /** The JSON mapper, and members that start at the earliest offset with quick heartbeats. */
    @Configuration(proxyBeanMethods = false)
    static class Common {

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }

        @Bean
        KafkaExConsumerGroupOptionsCustomizer earliest() {
            return (listenerId, builder) -> builder.autoOffsetReset(OffsetResetPolicy.EARLIEST)
                    .heartbeatInterval(Duration.ofMillis(500)).sessionTimeout(Duration.ofSeconds(10));
        }
    }

    /** A JSON payload. */
    record Order(String id, int quantity) {
    }

    /** Error handler that retries twice quickly, then recovers. */
    static class RecordingErrorHandler implements ListenerErrorHandler {
        final Queue<Integer> attempts = new ConcurrentLinkedQueue<>();
        final Queue<Boolean> deserializationFailures = new ConcurrentLinkedQueue<>();

        @Override
        public ErrorDecision handle(FailedDelivery delivery) {
            attempts.add(delivery.attempt());
            deserializationFailures.add(delivery.deserializationFailure());
            if (delivery.deserializationFailure()) {
                return ErrorDecision.recovered();
            }
            return delivery.attempt() < 3 ? ErrorDecision.retryAfter(Duration.ofMillis(50)) : ErrorDecision.recovered();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        final Queue<String> strings = new ConcurrentLinkedQueue<>();
        final Queue<Order> orders = new ConcurrentLinkedQueue<>();
        final Queue<List<String>> batched = new ConcurrentLinkedQueue<>();
        final Queue<String> replies = new ConcurrentLinkedQueue<>();
        final Queue<String> later = new ConcurrentLinkedQueue<>();
        final Queue<String> failing = new ConcurrentLinkedQueue<>();

        @Bean
        RecordingErrorHandler testErrorHandler() {
            return new RecordingErrorHandler();
        }

        @KafkaExListener(id = "strings", topics = "#{'" + P + "'}strings", groupId = "${spring.application.name}-strings")
        void strings(String value, @Header(KafkaExHeaders.RECEIVED_KEY) String key,
                @Header(KafkaExHeaders.RECEIVED_TOPIC) String topic, @Header(KafkaExHeaders.OFFSET) long offset,
                @Header("trace") String trace) {
            strings.add(value + "|" + key + "|" + topic + "|" + offset + "|" + trace);
        }

        @KafkaExListener(topics = P + "json")
        void orders(Order order) {
            orders.add(order);
        }

        @KafkaExListener(topics = P + "batch", batch = "true", commitMode = "batch")
        void batch(List<String> values) {
            batched.add(values);
        }

        @KafkaExListener(topics = P + "requests")
        @SendTo(P + "replies")
        String request(String value) {
            return value.toUpperCase();
        }

        @KafkaExListener(topics = P + "replies")
        void reply(String value) {
            replies.add(value);
        }

        @KafkaExListener(id = "later", topics = P + "later", autoStartup = "false")
        void later(String value) {
            later.add(value);
        }

        @KafkaExListener(topics = P + "failing", errorHandler = "testErrorHandler")
        void failing(String value) {
            failing.add(value);
            if (value.equals("bad")) {
                throw new IllegalStateException("bad record");
            }
        }

        @KafkaExListener(id = "wide", topics = P + "wide", concurrency = "2")
        void wide(String value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OtherSources {
        final Queue<String> assigned = new ConcurrentLinkedQueue<>();
        final Queue<String> matched = new ConcurrentLinkedQueue<>();
        final Queue<Order> orders = new ConcurrentLinkedQueue<>();

        @Bean
        RecordingErrorHandler onlyErrorHandler() {
            return new RecordingErrorHandler();
        }

        @KafkaExListener(id = "assigned", topicPartitions = @io.kafkaex.spring.annotation.TopicPartition(topic = P
                + "assigned", partitionOffsets = @io.kafkaex.spring.annotation.PartitionOffset(partition = "0",
                initialOffset = "#{1 + 1}")))
        void assigned(String value) {
            assigned.add(value);
        }

        @KafkaExListener(id = "pattern", topicPattern = "KafkaExListenerIT-pattern-.*")
        void pattern(String value) {
            matched.add(value);
        }

        /** No errorHandler attribute: the only ListenerErrorHandler bean is used. */
        @KafkaExListener(id = "unreadable", topics = P + "unreadable")
        void unreadable(Order order) {
            orders.add(order);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ManualListener {
        final Queue<String> seen = new ConcurrentLinkedQueue<>();

        @KafkaExListener(id = "manual", topics = P + "manual", commitMode = "manual")
        void manual(ConsumedRecord<String, String> record, Acknowledgment acknowledgment) {
            seen.add(record.value());
            if (record.value().startsWith("ack")) {
                acknowledgment.acknowledge();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class GracefulListener {
        final Queue<String> seen = new ConcurrentLinkedQueue<>();

        /** Commits only at the threshold or after an hour: what the restart skips was committed by the shutdown. */
        @KafkaExListener(id = "graceful", topics = P + "graceful",
                properties = {"commit-interval=1h", "commit-threshold=1000"})
        void graceful(String value) {
            seen.add(value);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class VirtualListener {
        final Queue<Boolean> virtual = new ConcurrentLinkedQueue<>();

        @KafkaExListener(id = "virtual", topics = P + "virtual")
        void virtual(String value) throws ReflectiveOperationException {
            boolean isVirtual = Runtime.version().feature() >= 21
                    && (boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
            virtual.add(isVirtual);
        }
    }

}
