package io.kafkaex.protocol.error;

/**
 * The authenticated principal lacks the ACLs for what it asked: on a topic, a group, the cluster, a
 * transactional id or a delegation token (the {@code *_AUTHORIZATION_FAILED} errors). Retrying will not
 * help until an administrator grants the ACLs.
 *
 * <p>Immutable (apart from the stack trace state every {@link Throwable} has) and thread-safe.
 */
public class KafkaAuthorizationException extends KafkaErrorException {

    KafkaAuthorizationException(KafkaError error, String topic, int partition, String brokerMessage) {
        super(error, topic, partition, brokerMessage);
    }
}
