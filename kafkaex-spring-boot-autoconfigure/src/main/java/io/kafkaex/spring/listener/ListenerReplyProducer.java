package io.kafkaex.spring.listener;

import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.spring.serialization.JsonSerializer;
import io.kafkaex.spring.serialization.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends the return values of {@code @SendTo} listener methods: String as UTF-8, byte[] as is, anything else as JSON
 * through the application's mapper; the reply gets the received record's key. The producer is the listener
 * infrastructure's own (not the application's {@code KafkaExProducer} bean) and is closed with the context.
 *
 * <p>Thread-safe: partitions reply in parallel.
 */
public final class ListenerReplyProducer implements AutoCloseable {

    /** How long closing lets a reply still buffered go out. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final LazyProducer producer;
    private final Supplier<ObjectMapper> jsonMapper;

    /**
     * @param producer creates the producer on the first reply (applications without {@code @SendTo} never connect one)
     * @param jsonMapper the application's Jackson mapper, for replies that are neither String nor byte[]
     */
    public ListenerReplyProducer(Supplier<KafkaExProducer> producer, Supplier<ObjectMapper> jsonMapper) {
        this.producer = new LazyProducer(producer, CLOSE_TIMEOUT);
        this.jsonMapper = jsonMapper;
    }

    /** Sends {@code reply} to {@code topic} and waits for the broker's acknowledgment. */
    public void send(String topic, byte[] key, Object reply) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = serialize(topic, headers, reply);
        try {
            producer.get().send(ProducerRecord.of(topic, key, value).withHeaders(headers.asList())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending a @SendTo reply to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The @SendTo reply to " + topic + " failed: " + e.getCause(), e.getCause());
        }
    }

    private byte[] serialize(String topic, RecordHeaders headers, Object reply) {
        if (reply instanceof byte[] bytes) {
            return bytes;
        }
        if (reply instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return new JsonSerializer<>(jsonMapper.get()).serialize(topic, headers, reply);
    }

    @Override
    public void close() {
        producer.close();
    }
}
