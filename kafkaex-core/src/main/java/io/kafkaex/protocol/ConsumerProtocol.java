package io.kafkaex.protocol;

import io.kafkaex.protocol.message.ConsumerProtocolAssignment;
import io.kafkaex.protocol.message.ConsumerProtocolSubscription;

import java.nio.ByteBuffer;

/**
 * The payloads of the classic consumer group protocol ({@code protocol_type "consumer"}) that travel as
 * opaque bytes inside JoinGroup and SyncGroup: an int16 version, then the subscription or assignment at that
 * version. Bit-compatible with the Java consumer, so KafkaEx and Java members can share a group. A payload
 * of a newer version than we know is read as our highest version (newer versions only add fields at the
 * end). Pure functions; any thread may call them.
 */
public final class ConsumerProtocol {

    /** The protocol type of consumer groups in JoinGroup. */
    public static final String PROTOCOL_TYPE = "consumer";

    private ConsumerProtocol() {
    }

    public static ByteBuffer serializeSubscription(ConsumerProtocolSubscription subscription, short version) {
        checkVersion(version, ConsumerProtocolSubscription.LOWEST_SUPPORTED_VERSION,
                ConsumerProtocolSubscription.HIGHEST_SUPPORTED_VERSION, "subscription");
        return versionPrefixed(subscription, version);
    }

    public static ConsumerProtocolSubscription deserializeSubscription(ByteBuffer payload) {
        ProtocolReader reader = new ProtocolReader(payload.duplicate());
        short version = readVersion(reader, ConsumerProtocolSubscription.HIGHEST_SUPPORTED_VERSION, "subscription");
        return ConsumerProtocolSubscription.read(reader, version);
    }

    public static ByteBuffer serializeAssignment(ConsumerProtocolAssignment assignment, short version) {
        checkVersion(version, ConsumerProtocolAssignment.LOWEST_SUPPORTED_VERSION,
                ConsumerProtocolAssignment.HIGHEST_SUPPORTED_VERSION, "assignment");
        return versionPrefixed(assignment, version);
    }

    /** An assignment; an empty payload (a member that got nothing) is an empty assignment. */
    public static ConsumerProtocolAssignment deserializeAssignment(ByteBuffer payload) {
        if (!payload.hasRemaining()) {
            return new ConsumerProtocolAssignment();
        }
        ProtocolReader reader = new ProtocolReader(payload.duplicate());
        short version = readVersion(reader, ConsumerProtocolAssignment.HIGHEST_SUPPORTED_VERSION, "assignment");
        return ConsumerProtocolAssignment.read(reader, version);
    }

    private static ByteBuffer versionPrefixed(ProtocolMessage payload, short version) {
        ByteBuffer buffer = ByteBuffer.allocate(2 + payload.size(version));
        ProtocolWriter writer = new ProtocolWriter(buffer);
        writer.writeShort(version);
        payload.write(writer, version);
        return buffer.flip();
    }

    private static short readVersion(ProtocolReader reader, short highest, String what) {
        short version = reader.readShort();
        if (version < 0) {
            throw new ProtocolException("Consumer protocol " + what + " has negative version " + version);
        }
        return (short) Math.min(version, highest);
    }

    private static void checkVersion(short version, short lowest, short highest, String what) {
        if (version < lowest || version > highest) {
            throw new IllegalArgumentException("Consumer protocol " + what + " version " + version + " is outside "
                    + lowest + ".." + highest);
        }
    }
}
