package io.kafkaex.protocol.error;

/**
 * The broker fenced the producer's epoch. After {@link KafkaError#PRODUCER_FENCED} another instance owns
 * the {@code transactional.id} and this producer must be closed; after
 * {@link KafkaError#INVALID_PRODUCER_EPOCH} the epoch was bumped (for instance when the transaction timed
 * out), and a transactional producer may abort the transaction and begin a new one.
 *
 * <p>Immutable (apart from the stack trace state every {@link Throwable} has) and thread-safe.
 */
public class KafkaProducerFencedException extends KafkaErrorException {

    KafkaProducerFencedException(KafkaError error, String topic, int partition, String brokerMessage) {
        super(error, topic, partition, brokerMessage);
    }
}
