package io.kafkaex.benchmarks;

import io.kafkaex.spring.core.KafkaExTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The two Spring integrations {@link SpringThroughputBenchmark} compares, each with its applications
 * ({@link SpringBenchmarkApplications}), the Boot properties that give both the same settings, and how to send through
 * the template its auto-configuration made. Producer: acks=all, idempotence on, linger 5 ms, batches of 16 KiB, a
 * 32 MiB buffer, 5 requests in flight, no compression; consumer: reset to earliest, everything else the defaults
 * (record listener, KafkaEx commit mode ASYNC, spring-kafka ack mode BATCH). Immutable; any thread.
 */
enum SpringClient {

    KAFKAEX("KafkaEx starter", SpringBenchmarkApplications.KafkaExSender.class,
            SpringBenchmarkApplications.KafkaExReceiver.class, "kafkaex.bootstrap-servers", Map.of(
                    "kafkaex.producer.acks", "all",
                    "kafkaex.producer.idempotence", "true",
                    "kafkaex.producer.linger", SpringClient.LINGER_MS + "ms",
                    "kafkaex.producer.batch-size", SpringClient.BATCH_BYTES + "B",
                    "kafkaex.producer.buffer-memory", SpringClient.BUFFER_BYTES + "B",
                    "kafkaex.producer.max-in-flight", SpringClient.MAX_IN_FLIGHT,
                    "kafkaex.producer.compression-type", "none",
                    "kafkaex.consumer.auto-offset-reset", "earliest")) {
        @Override
        Sender sender(ApplicationContext context) {
            @SuppressWarnings("unchecked")
            KafkaExTemplate<String, String> template = context.getBean(KafkaExTemplate.class);
            return template::send;
        }
    },

    SPRING_KAFKA("spring-kafka", SpringBenchmarkApplications.SpringKafkaSender.class,
            SpringBenchmarkApplications.SpringKafkaReceiver.class, "spring.kafka.bootstrap-servers", Map.of(
                    "spring.kafka.producer.acks", "all",
                    "spring.kafka.producer.properties[enable.idempotence]", "true",
                    "spring.kafka.producer.properties[linger.ms]", SpringClient.LINGER_MS,
                    "spring.kafka.producer.batch-size", SpringClient.BATCH_BYTES + "B",
                    "spring.kafka.producer.buffer-memory", SpringClient.BUFFER_BYTES + "B",
                    "spring.kafka.producer.properties[max.in.flight.requests.per.connection]", SpringClient.MAX_IN_FLIGHT,
                    "spring.kafka.producer.compression-type", "none",
                    "spring.kafka.consumer.auto-offset-reset", "earliest")) {
        @Override
        Sender sender(ApplicationContext context) {
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, String> template = context.getBean(KafkaTemplate.class);
            return template::send;
        }
    };

    private static final int LINGER_MS = 5;
    private static final int BATCH_BYTES = 16_384;
    private static final long BUFFER_BYTES = 32L * 1024 * 1024;
    private static final int MAX_IN_FLIGHT = 5;

    private final String label;
    private final Class<?> senderApplication;
    private final Class<?> receiverApplication;
    private final String bootstrapServersProperty;
    private final Map<String, Object> settings;

    SpringClient(String label, Class<?> senderApplication, Class<?> receiverApplication, String bootstrapServersProperty,
            Map<String, Object> settings) {
        this.label = label;
        this.senderApplication = senderApplication;
        this.receiverApplication = receiverApplication;
        this.bootstrapServersProperty = bootstrapServersProperty;
        this.settings = settings;
    }

    /** The client's name in tables and the chart. */
    String label() {
        return label;
    }

    /** The application that only sends. */
    Class<?> senderApplication() {
        return senderApplication;
    }

    /** The application with one record listener. */
    Class<?> receiverApplication() {
        return receiverApplication;
    }

    /** Connection, producer and consumer settings of this client as Boot properties. */
    Map<String, Object> clientProperties(String bootstrapServers) {
        Map<String, Object> properties = new LinkedHashMap<>(settings);
        properties.put(bootstrapServersProperty, bootstrapServers);
        return properties;
    }

    /** Sends through the template bean of a running sender application. */
    abstract Sender sender(ApplicationContext context);

    /** One template send with a String key and value. Any thread the template allows. */
    @FunctionalInterface
    interface Sender {
        CompletableFuture<?> send(String topic, String key, String value);
    }
}
