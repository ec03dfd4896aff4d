package io.kafkaex.protocol;

/**
 * A Kafka protocol message that can be encoded at a version: a request or response body, a header, or a
 * payload such as the consumer protocol's subscription. Generated classes implement it; each also has a
 * static {@code read(ProtocolReader, short)}.
 */
public interface ProtocolMessage {

    /** Writes this message at {@code version}; the writer must have {@link #size} bytes left. */
    void write(ProtocolWriter writer, short version);

    /** The exact number of bytes {@link #write} produces at {@code version}. */
    int size(short version);
}
