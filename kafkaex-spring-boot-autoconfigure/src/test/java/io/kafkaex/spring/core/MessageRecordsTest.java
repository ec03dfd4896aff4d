package io.kafkaex.spring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.record.Header;
import io.kafkaex.spring.support.KafkaExHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class MessageRecordsTest {

    @Test
    void kafkaExHeadersGiveTopicPartitionKeyAndTimestamp() {
        Message<String> message = MessageBuilder.withPayload("value")
                .setHeader(KafkaExHeaders.TOPIC, "orders")
                .setHeader(KafkaExHeaders.PARTITION, 2)
                .setHeader(KafkaExHeaders.KEY, "key-1")
                .setHeader(KafkaExHeaders.TIMESTAMP, 1_700_000_000_000L)
                .build();

        OutgoingRecord<String, String> record = MessageRecords.toRecord(message, "default");

        assertThat(record.topic()).isEqualTo("orders");
        assertThat(record.partition()).isEqualTo(2);
        assertThat(record.key()).isEqualTo("key-1");
        assertThat(record.value()).isEqualTo("value");
        assertThat(record.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(record.headers()).isEmpty();
    }

    @Test
    void otherHeadersBecomeRecordHeadersBytesAsIsOthersAsText() {
        Message<String> message = MessageBuilder.withPayload("value")
                .setHeader("text", "hello")
                .setHeader("raw", new byte[] {7, 8})
                .setHeader("number", 42)
                .setHeader(KafkaExHeaders.GROUP_ID, "not copied")
                .build();

        OutgoingRecord<Object, Object> record = MessageRecords.toRecord(message, "default");

        Map<String, byte[]> headers = record.headers().stream().collect(Collectors.toMap(Header::key, MessageRecordsTest::bytes));
        assertThat(headers).containsOnlyKeys("text", "raw", "number");
        assertThat(headers.get("text")).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(headers.get("raw")).containsExactly(7, 8);
        assertThat(headers.get("number")).isEqualTo("42".getBytes(StandardCharsets.UTF_8));
        assertThat(record.topic()).isEqualTo("default");
        assertThat(record.partition()).isNull();
        assertThat(record.timestamp()).isNull();
    }

    @Test
    void withoutTopicHeaderOrDefaultTopicTheErrorNamesBoth() {
        Message<String> message = MessageBuilder.withPayload("value").build();

        assertThatThrownBy(() -> MessageRecords.toRecord(message, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(KafkaExHeaders.TOPIC)
                .hasMessageContaining("kafkaex.template.default-topic");
    }

    private static byte[] bytes(Header header) {
        ByteBuffer value = header.value();
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        return bytes;
    }
}
