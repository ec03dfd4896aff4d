package io.kafkaex.protocol.error;

/**
 * The broker refused to authenticate the client: SASL credentials were wrong
 * ({@link KafkaError#SASL_AUTHENTICATION_FAILED}), the SASL mechanism is not enabled
 * ({@link KafkaError#UNSUPPORTED_SASL_MECHANISM}) or the handshake went out of order
 * ({@link KafkaError#ILLEGAL_SASL_STATE}). Retrying with the same configuration will not help; fix the
 * credentials or the mechanism.
 *
 * <p>Immutable (apart from the stack trace state every {@link Throwable} has) and thread-safe.
 */
public class KafkaAuthenticationException extends KafkaErrorException {

    KafkaAuthenticationException(KafkaError error, String topic, int partition, String brokerMessage) {
        super(error, topic, partition, brokerMessage);
    }
}
