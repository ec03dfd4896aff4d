package io.kafkaex.protocol.error;

/**
 * The request reached a broker that is not, or not yet known as, the leader of the partition:
 * {@link KafkaError#NOT_LEADER_OR_FOLLOWER}, {@link KafkaError#LEADER_NOT_AVAILABLE} and leader epochs out of
 * step ({@link KafkaError#FENCED_LEADER_EPOCH}, {@link KafkaError#UNKNOWN_LEADER_EPOCH}). Retriable after
 * refreshing metadata; common while brokers restart or partitions move.
 *
 * <p>Immutable (apart from the stack trace state every {@link Throwable} has) and thread-safe.
 */
public class KafkaNotLeaderException extends RetriableKafkaErrorException {

    KafkaNotLeaderException(KafkaError error, String topic, int partition, String brokerMessage) {
        super(error, topic, partition, brokerMessage);
    }
}
