package io.kafkaex.protocol.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Test records and a comparable text form of records, ours and Kafka's. */
final class RecordSamples {

    static final int MAX_DECOMPRESSED = 1 << 20;

    private RecordSamples() {
    }

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads every record of every batch in {@code buffer} with our reader. */
    static List<String> readOurs(ByteBuffer buffer) {
        List<String> result = new ArrayList<>();
        new RecordBatchReader(buffer, MAX_DECOMPRESSED).forEachRemaining(batch -> batch.forEach(r -> result.add(describe(r))));
        return result;
    }

    static String describe(Record record) {
        return describe(record.offset(), record.timestamp(), record.timestampType().name(), record.key(),
                record.value(), record.headers().stream()
                        .map(h -> h.key() + "=" + text(h.value()))
                        .collect(Collectors.joining(",")));
    }

    static String describe(org.apache.kafka.common.record.internal.Record record,
            org.apache.kafka.common.record.TimestampType type) {
        return describe(record.offset(), record.timestamp(), kafkaTypeName(type), record.key(), record.value(),
                java.util.Arrays.stream(record.headers())
                        .map(h -> h.key() + "=" + text(h.value() == null ? null : ByteBuffer.wrap(h.value())))
                        .collect(Collectors.joining(",")));
    }

    private static String kafkaTypeName(org.apache.kafka.common.record.TimestampType type) {
        return switch (type) {
            case NO_TIMESTAMP_TYPE -> TimestampType.NO_TIMESTAMP_TYPE.name();
            case CREATE_TIME -> TimestampType.CREATE_TIME.name();
            case LOG_APPEND_TIME -> TimestampType.LOG_APPEND_TIME.name();
        };
    }

    private static String describe(long offset, long timestamp, String type, ByteBuffer key, ByteBuffer value,
            String headers) {
        return offset + "|" + timestamp + "|" + type + "|" + text(key) + "|" + text(value) + "|" + headers;
    }

    private static String text(ByteBuffer bytes) {
        if (bytes == null) {
            return "null";
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return HexFormat.of().formatHex(copy);
    }
}
