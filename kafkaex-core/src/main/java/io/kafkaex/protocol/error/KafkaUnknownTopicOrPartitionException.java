package io.kafkaex.protocol.error;

/**
 * The broker does not know the topic-partition ({@link KafkaError#UNKNOWN_TOPIC_OR_PARTITION}) or the topic
 * id ({@link KafkaError#UNKNOWN_TOPIC_ID}). Retriable: a topic just created may not have reached every
 * broker yet; if the error persists, the topic does not exist (or was deleted).
 *
 * <p>Immutable (apart from the stack trace state every {@link Throwable} has) and thread-safe.
 */
public class KafkaUnknownTopicOrPartitionException extends RetriableKafkaErrorException {

    KafkaUnknownTopicOrPartitionException(KafkaError error, String topic, int partition, String brokerMessage) {
        super(error, topic, partition, brokerMessage);
    }
}
