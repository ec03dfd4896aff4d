package io.kafkaex.spring.serialization;

import java.nio.charset.StandardCharsets;

/** Reads UTF-8 strings. Stateless and thread-safe. */
public final class StringDeserializer implements Deserializer<String> {

    @Override
    public String deserialize(String topic, RecordHeaders headers, byte[] data) {
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }
}
