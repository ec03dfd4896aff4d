package io.kafkaex.telemetry;

/**
 * Why a consumer group member rejoins its group: the {@code reason} of {@code [:kafka_ex, :consumer, :rebalance]}
 * ({@link RebalanceEvent}). kafka_ex mixes atoms and a {@code {:heartbeat_error, error}} tuple; here the reason is
 * always a constant and the heartbeat's error is a field of its own ({@link RebalanceEvent#error()}).
 */
public enum RebalanceReason {

    /** No heartbeat answer arrived within the session timeout. kafka_ex {@code :heartbeat_timeout}. */
    HEARTBEAT_TIMEOUT,
    /** A heartbeat was answered with {@code REBALANCE_IN_PROGRESS}. kafka_ex {@code :rebalance_in_progress}. */
    REBALANCE_IN_PROGRESS,
    /**
     * A heartbeat was answered with another error that forces a rejoin, e.g. {@code UNKNOWN_MEMBER_ID} or
     * {@code ILLEGAL_GENERATION}. kafka_ex {@code {:heartbeat_error, error}}.
     */
    HEARTBEAT_ERROR,
    /**
     * The group leader saw the partition count of a subscribed topic change, or a subscribed topic appear, and
     * rejoins so the new partitions are assigned. KafkaEx's own reason.
     */
    METADATA_CHANGED,
    /**
     * A cooperative rebalance took partitions from this member; it rejoins once they are revoked so they can be
     * assigned to their new owner (KIP-429). KafkaEx's own reason.
     */
    REVOCATION_FOLLOW_UP,
    /**
     * The coordinator of a {@code CONSUMER}-protocol group (KIP-848) gave the member a new assignment that revokes or
     * adds partitions; the member reconciles without rejoining. KafkaEx's own reason.
     */
    ASSIGNMENT_CHANGED
}
