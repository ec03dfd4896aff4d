package io.kafkaex.consumer.assignor;

import io.kafkaex.client.MemberSubscription;

import java.nio.ByteBuffer;

/**
 * The generation a cooperative-sticky member's owned partitions are from, as the Java
 * {@code CooperativeStickyAssignor} reads and writes it: the subscription's generation field (consumer protocol
 * v2+) when set, otherwise the assignor's user data, a struct holding one int32 generation. Stateless; any thread.
 */
final class StickyGenerations {

    /** The generation of a member that owns nothing from a known generation. */
    static final int NONE = -1;

    private StickyGenerations() {
    }

    /** The user data that carries {@code generation}: the int32, big-endian. */
    static ByteBuffer userData(int generation) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(0, generation);
    }

    /**
     * The generation of the member's owned partitions: the generation field if set; else the user data's
     * generation; {@link #NONE} without user data, or when the user data is too short to hold one.
     */
    static int of(MemberSubscription subscription) {
        if (subscription.generationId() >= 0) {
            return subscription.generationId();
        }
        ByteBuffer userData = subscription.userData();
        if (userData == null) {
            return NONE;
        }
        try {
            return userData.getInt(userData.position());
        } catch (IndexOutOfBoundsException e) {
            return NONE;
        }
    }

    /** The subscription's generation field alone, {@link #NONE} when not set (before consumer protocol v2). */
    static int field(MemberSubscription subscription) {
        return Math.max(subscription.generationId(), NONE);
    }
}
