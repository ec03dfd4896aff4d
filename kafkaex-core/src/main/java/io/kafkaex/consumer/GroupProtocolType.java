package io.kafkaex.consumer;

/** Which rebalance protocol a member speaks: the Java consumer's {@code group.protocol}. */
public enum GroupProtocolType {
    /** JoinGroup / SyncGroup / Heartbeat, the leader member assigns (every broker version). */
    CLASSIC,
    /** KIP-848: ConsumerGroupHeartbeat, the broker assigns (Kafka 4.0+). */
    CONSUMER
}
