package io.kafkaex.protocol.error;

import java.util.Objects;

/**
 * Turns a {@link KafkaError} from a response into the most specific {@link KafkaErrorException}: one of
 * the dedicated subclasses for errors that callers handle on their own (authentication, authorization,
 * unknown topic, leadership, record size, unsupported version, invalid request, group membership,
 * producer fencing), else {@link RetriableKafkaErrorException} or {@link KafkaErrorException} according to
 * {@link KafkaError#isRetriable()}.
 *
 * <p>Stateless and thread-safe.
 */
public final class KafkaErrorExceptions {

    private KafkaErrorExceptions() {
    }

    /**
     * The exception for an error that concerns no particular topic, such as a group or coordinator error.
     *
     * @throws IllegalArgumentException for {@link KafkaError#NONE}
     */
    public static KafkaErrorException of(KafkaError error, String brokerMessage) {
        return of(error, null, KafkaErrorException.NO_PARTITION, brokerMessage);
    }

    /**
     * The exception for an error.
     *
     * @param topic the topic the error concerns, or {@code null}
     * @param partition the partition the error concerns, or {@link KafkaErrorException#NO_PARTITION}
     * @param brokerMessage the error message the broker sent, or {@code null}
     * @throws IllegalArgumentException for {@link KafkaError#NONE}, or a partition without a topic
     */
    public static KafkaErrorException of(KafkaError error, String topic, int partition, String brokerMessage) {
        Objects.requireNonNull(error, "error");
        return switch (error) {
            case SASL_AUTHENTICATION_FAILED, UNSUPPORTED_SASL_MECHANISM, ILLEGAL_SASL_STATE ->
                    new KafkaAuthenticationException(error, topic, partition, brokerMessage);
            case TOPIC_AUTHORIZATION_FAILED, GROUP_AUTHORIZATION_FAILED, CLUSTER_AUTHORIZATION_FAILED,
                    TRANSACTIONAL_ID_AUTHORIZATION_FAILED, DELEGATION_TOKEN_AUTHORIZATION_FAILED ->
                    new KafkaAuthorizationException(error, topic, partition, brokerMessage);
            case UNKNOWN_TOPIC_OR_PARTITION, UNKNOWN_TOPIC_ID ->
                    new KafkaUnknownTopicOrPartitionException(error, topic, partition, brokerMessage);
            case NOT_LEADER_OR_FOLLOWER, LEADER_NOT_AVAILABLE, FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH ->
                    new KafkaNotLeaderException(error, topic, partition, brokerMessage);
            case MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE ->
                    new KafkaRecordTooLargeException(error, topic, partition, brokerMessage);
            case UNSUPPORTED_VERSION -> new KafkaUnsupportedVersionException(error, topic, partition, brokerMessage);
            case INVALID_REQUEST -> new KafkaInvalidRequestException(error, topic, partition, brokerMessage);
            case ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, REBALANCE_IN_PROGRESS, MEMBER_ID_REQUIRED,
                    FENCED_INSTANCE_ID, FENCED_MEMBER_EPOCH, STALE_MEMBER_EPOCH ->
                    new KafkaGroupMembershipException(error, topic, partition, brokerMessage);
            case PRODUCER_FENCED, INVALID_PRODUCER_EPOCH ->
                    new KafkaProducerFencedException(error, topic, partition, brokerMessage);
            default -> error.isRetriable()
                    ? new RetriableKafkaErrorException(error, topic, partition, brokerMessage)
                    : new KafkaErrorException(error, topic, partition, brokerMessage);
        };
    }
}
