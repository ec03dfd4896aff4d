package io.kafkaex.protocol.error;

/**
 * The broker does not support the version of the request sent ({@link KafkaError#UNSUPPORTED_VERSION}),
 * usually because it is older than the feature used needs.
 *
 * <p>Immutable (apart from the stack trace state every {@link Throwable} has) and thread-safe.
 */
public class KafkaUnsupportedVersionException extends KafkaErrorException {

    KafkaUnsupportedVersionException(KafkaError error, String topic, int partition, String brokerMessage) {
        super(error, topic, partition, brokerMessage);
    }
}
