package io.kafkaex.spring.serialization;

/** Passes bytes through unchanged. Stateless and thread-safe. */
public final class ByteArrayDeserializer implements Deserializer<byte[]> {

    @Override
    public byte[] deserialize(String topic, RecordHeaders headers, byte[] data) {
        return data;
    }
}
