package io.kafkaex.protocol.error;

/**
 * The broker found the request malformed or inconsistent ({@link KafkaError#INVALID_REQUEST}). Points to a
 * bug in the client or a mismatch with the broker's protocol, not to something the user can retry.
 *
 * <p>Immutable (apart from the stack trace state every {@link Throwable} has) and thread-safe.
 */
public class KafkaInvalidRequestException extends KafkaErrorException {

    KafkaInvalidRequestException(KafkaError error, String topic, int partition, String brokerMessage) {
        super(error, topic, partition, brokerMessage);
    }
}
