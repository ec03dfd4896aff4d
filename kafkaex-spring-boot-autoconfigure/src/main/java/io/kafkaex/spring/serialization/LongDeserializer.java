package io.kafkaex.spring.serialization;

import java.nio.ByteBuffer;

/** Reads 8 big-endian bytes as a long. Stateless and thread-safe. */
public final class LongDeserializer implements Deserializer<Long> {

    @Override
    public Long deserialize(String topic, RecordHeaders headers, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length != Long.BYTES) {
            throw new SerializationException("A Long in " + topic + " must be 8 bytes, but this one has " + data.length);
        }
        return ByteBuffer.wrap(data).getLong();
    }
}
