package io.kafkaex.spring.listener;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.protocol.record.RecordBatchBuilder;
import io.kafkaex.protocol.record.RecordBatchReader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records as a fetch returns them, and failed deliveries of them, for unit tests without a broker. */
final class TestRecords {

    static final TopicPartition PARTITION = new TopicPartition("orders", 2);

    private TestRecords() {
    }

    /** A record at {@code offset} with UTF-8 key and value (either may be null) and the given headers. */
    static Record record(long offset, long timestamp, String key, String value, Header... headers) {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(16_384)).baseOffset(offset);
        builder.append(timestamp, utf8(key), utf8(value), headers);
        RecordBatchReader reader = new RecordBatchReader(builder.build(), 1 << 20);
        return reader.next().iterator().next();
    }

    static FailedDelivery delivery(List<Record> records, Throwable error, int attempt, boolean deserializationFailure) {
        return new FailedDelivery("order-listener", "billing", PARTITION, records, error, attempt, deserializationFailure);
    }

    static FailedDelivery delivery(Throwable error, int attempt) {
        return delivery(List.of(record(40, 1_000, "k", "v")), error, attempt, false);
    }

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(ByteBuffer bytes) {
        return bytes == null ? null : StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }

    /** Each header's value as UTF-8 text by name (the last one of a name wins), in order. */
    static Map<String, String> texts(List<Header> headers) {
        Map<String, String> texts = new LinkedHashMap<>();
        headers.forEach(header -> texts.put(header.key(), text(header.value())));
        return texts;
    }
}
