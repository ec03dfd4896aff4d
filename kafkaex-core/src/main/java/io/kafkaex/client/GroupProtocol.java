package io.kafkaex.client;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Objects;

/**
 * One protocol a member offers in JoinGroup: its name (for consumer groups, the assignor) and its metadata (for
 * consumer groups, the subscription). Immutable (metadata is a read-only view); any thread.
 */
public record GroupProtocol(String name, ByteBuffer metadata) {

    /**
     * The assignor name the Java consumer offers first. kafka_ex offered "assign", which no Java member offers,
     * so mixed groups failed with INCONSISTENT_GROUP_PROTOCOL.
     */
    public static final String RANGE = "range";

    public GroupProtocol {
        Objects.requireNonNull(name, "name");
        metadata = metadata.asReadOnlyBuffer();
    }

    /** A consumer-protocol subscription to {@code topics} under assignor {@code name}. */
    public static GroupProtocol consumer(String name, Collection<String> topics) {
        return new GroupProtocol(name, ConsumerPayloads.subscription(topics));
    }

    /**
     * A consumer-protocol subscription under assignor {@code name} with everything a rebalancing member sends: the
     * assignor's user data, the partitions it owns and their generation (for cooperative assignors) and its rack.
     */
    public static GroupProtocol consumer(String name, MemberSubscription subscription) {
        return new GroupProtocol(name, ConsumerPayloads.subscription(subscription));
    }

    /** A consumer-protocol subscription to {@code topics} under the {@link #RANGE} assignor. */
    public static GroupProtocol consumer(Collection<String> topics) {
        return consumer(RANGE, topics);
    }
}
