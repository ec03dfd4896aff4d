package io.kafkaex.spring.listener;

import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerRecord;
import io.kafkaex.spring.serialization.RecordHeaders;
import io.kafkaex.spring.serialization.Serializer;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Sends the return values of {@code @SendTo} listener methods, encoded as the template encodes values (by type:
 * String as UTF-8, byte[] as is, Long and Integer big-endian, anything else as JSON through the application's mapper);
 * the reply gets the received record's key. The producer is the listener
 * infrastructure's own (not the application's {@code KafkaExProducer} bean) and is closed with the context.
 *
 * <p>Thread-safe: partitions reply in parallel.
 */
public final class ListenerReplyProducer implements AutoCloseable {

    /** How long closing lets a reply still buffered go out. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final LazyProducer producer;
    private final Serializer<Object> values;

    /**
     * @param producer creates the producer on the first reply (applications without {@code @SendTo} never connect one)
     * @param values encodes the replies, e.g. a {@link io.kafkaex.spring.serialization.ByTypeSerializer}
     */
    public ListenerReplyProducer(Supplier<KafkaExProducer> producer, Serializer<Object> values) {
        this.producer = new LazyProducer(producer, CLOSE_TIMEOUT);
        this.values = values;
    }

    /** Sends {@code reply} to {@code topic} and waits for the broker's acknowledgment. */
    public void send(String topic, byte[] key, Object reply) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = values.serialize(topic, headers, reply);
        try {
            producer.get().send(ProducerRecord.of(topic, key, value).withHeaders(headers.asList())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending a @SendTo reply to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The @SendTo reply to " + topic + " failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
