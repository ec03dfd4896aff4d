package io.kafkaex.spring.serialization;

import java.nio.ByteBuffer;

/** Writes an int as 4 big-endian bytes, as kafka-clients' IntegerSerializer does. Stateless and thread-safe. */
public final class IntegerSerializer implements Serializer<Integer> {

    @Override
    public byte[] serialize(String topic, RecordHeaders headers, Integer data) {
        return data == null ? null : ByteBuffer.allocate(Integer.BYTES).putInt(data).array();
    }
}
