package io.kafkaex.protocol;

import io.kafkaex.KafkaExException;

/**
 * Bytes that do not follow the Kafka protocol: truncated or oversized frames, impossible lengths, bad
 * checksums, corrupt compressed data. Thrown by decoders instead of allocating, looping or guessing.
 * The connection that delivered such bytes cannot be trusted any more and should be closed.
 */
public class ProtocolException extends KafkaExException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
