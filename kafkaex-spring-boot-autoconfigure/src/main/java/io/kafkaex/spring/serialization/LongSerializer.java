package io.kafkaex.spring.serialization;

import java.nio.ByteBuffer;

/** Writes a long as 8 big-endian bytes, as kafka-clients' LongSerializer does. Stateless and thread-safe. */
public final class LongSerializer implements Serializer<Long> {

    @Override
    public byte[] serialize(String topic, RecordHeaders headers, Long data) {
        return data == null ? null : ByteBuffer.allocate(Long.BYTES).putLong(data).array();
    }
}
