package io.kafkaex.spring.core;

import io.kafkaex.protocol.record.Header;
import io.kafkaex.spring.support.KafkaExHeaders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Turns a spring-messaging {@link Message} into an {@link OutgoingRecord}: the payload is the value;
 * {@link KafkaExHeaders#TOPIC}, {@link KafkaExHeaders#PARTITION}, {@link KafkaExHeaders#KEY} and
 * {@link KafkaExHeaders#TIMESTAMP} give topic, partition, key and timestamp. Every other header becomes a record
 * header, except Spring's {@code id} and {@code timestamp} and every {@code kafkaex_} header: a {@code byte[]} value
 * as is, any other value (String, number, boolean, enum, UUID, MIME type...) as its {@code toString()} in UTF-8,
 * {@code null} as a header without value. Stateless; any thread.
 */
final class MessageRecords {

    private MessageRecords() {
    }

    /**
     * @param defaultTopic the topic when the message names none, or {@code null}
     * @throws IllegalArgumentException when the message names no topic and there is no default topic, or a header
     *     has the wrong type
     */
    @SuppressWarnings("unchecked")
    static <K, V> OutgoingRecord<K, V> toRecord(Message<?> message, String defaultTopic) {
        MessageHeaders headers = message.getHeaders();
        String topic = headers.get(KafkaExHeaders.TOPIC, String.class);
        if (topic == null) {
            topic = defaultTopic;
        }
        if (topic == null) {
            throw new IllegalArgumentException("The message has no " + KafkaExHeaders.TOPIC
                    + " header and kafkaex.template.default-topic is not set; add the header or set the property");
        }
        Number partition = headers.get(KafkaExHeaders.PARTITION, Number.class);
        Number timestamp = headers.get(KafkaExHeaders.TIMESTAMP, Number.class);
        return new OutgoingRecord<>(topic, partition == null ? null : partition.intValue(), (K) headers.get(KafkaExHeaders.KEY),
                (V) message.getPayload(), recordHeaders(headers), timestamp == null ? null : timestamp.longValue());
    }

    private static List<Header> recordHeaders(MessageHeaders headers) {
        List<Header> recordHeaders = new ArrayList<>();
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            String name = header.getKey();
            if (name.equals(MessageHeaders.ID) || name.equals(MessageHeaders.TIMESTAMP) || name.startsWith(KafkaExHeaders.PREFIX)) {
                continue;
            }
            recordHeaders.add(Header.of(name, bytesOf(header.getValue())));
        }
        return recordHeaders;
    }

    private static byte[] bytesOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
