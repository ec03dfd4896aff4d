package io.kafkaex.spring.serialization;

import java.nio.ByteBuffer;

/** Reads 4 big-endian bytes as an int. Stateless and thread-safe. */
public final class IntegerDeserializer implements Deserializer<Integer> {

    @Override
    public Integer deserialize(String topic, RecordHeaders headers, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length != Integer.BYTES) {
            throw new SerializationException("An Integer in " + topic + " must be 4 bytes, but this one has " + data.length);
        }
        return ByteBuffer.wrap(data).getInt();
    }
}
