package io.kafkaex.spring.serialization;

import java.nio.charset.StandardCharsets;

/** Writes strings as UTF-8. Stateless and thread-safe. */
public final class StringSerializer implements Serializer<String> {

    @Override
    public byte[] serialize(String topic, RecordHeaders headers, String data) {
        return data == null ? null : data.getBytes(StandardCharsets.UTF_8);
    }
}
