package io.kafkaex.protocol.error;

/**
 * The member's place in its consumer group is no longer valid: the group rebalanced
 * ({@link KafkaError#REBALANCE_IN_PROGRESS}, {@link KafkaError#ILLEGAL_GENERATION}), the coordinator does
 * not know the member ({@link KafkaError#UNKNOWN_MEMBER_ID}), asks it to rejoin with an assigned id
 * ({@link KafkaError#MEMBER_ID_REQUIRED}), or fenced it ({@link KafkaError#FENCED_INSTANCE_ID},
 * {@link KafkaError#FENCED_MEMBER_EPOCH}, {@link KafkaError#STALE_MEMBER_EPOCH}). The member must rejoin;
 * offsets it has not committed may be processed again by another member.
 *
 * <p>Immutable (apart from the stack trace state every {@link Throwable} has) and thread-safe.
 */
public class KafkaGroupMembershipException extends KafkaErrorException {

    KafkaGroupMembershipException(KafkaError error, String topic, int partition, String brokerMessage) {
        super(error, topic, partition, brokerMessage);
    }
}
