package io.kafkaex.protocol.error;

/**
 * A {@link KafkaErrorException} for an error that is {@link KafkaError#isRetriable() retriable}: sending the
 * same request again, possibly after refreshing metadata or finding the coordinator again, may succeed.
 * Exactly the retriable errors become instances of this type.
 *
 * <p>Immutable (apart from the stack trace state every {@link Throwable} has) and thread-safe.
 */
public class RetriableKafkaErrorException extends KafkaErrorException {

    RetriableKafkaErrorException(KafkaError error, String topic, int partition, String brokerMessage) {
        super(error, topic, partition, brokerMessage);
    }
}
