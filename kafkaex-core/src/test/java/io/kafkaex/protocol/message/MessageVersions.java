package io.kafkaex.protocol.message;

import io.kafkaex.protocol.ProtocolMessage;
import io.kafkaex.protocol.ProtocolReader;
import io.kafkaex.protocol.ProtocolWriter;

import java.nio.ByteBuffer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Test support: every generated message at every version, and encoding helpers. */
final class MessageVersions {

    private MessageVersions() {
    }

    /** Arguments (entry, version) for every generated message and each of its versions. */
    static Stream<Arguments> all() {
        return GeneratedMessages.all().stream().flatMap(entry -> IntStream
                .rangeClosed(entry.lowestVersion(), entry.highestVersion())
                .mapToObj(version -> Arguments.of(entry, (short) version)));
    }

    /** The bytes of {@code message} at {@code version}, in a buffer sized by {@code size()} and flipped. */
    static ByteBuffer encode(ProtocolMessage message, short version) {
        ByteBuffer buffer = ByteBuffer.allocate(message.size(version));
        message.write(new ProtocolWriter(buffer), version);
        if (buffer.hasRemaining()) {
            throw new AssertionError(message.getClass().getSimpleName() + " v" + version + " wrote "
                    + buffer.position() + " bytes but sized " + buffer.capacity());
        }
        return buffer.flip();
    }

    /** Reads a message with {@code entry} and checks that it consumed every byte. */
    static ProtocolMessage decode(GeneratedMessages.Entry entry, ByteBuffer bytes, short version) {
        ProtocolReader reader = new ProtocolReader(bytes.duplicate());
        ProtocolMessage message = entry.reader().apply(reader, version);
        if (reader.remaining() != 0) {
            throw new AssertionError(entry.name() + " v" + version + " left " + reader.remaining() + " bytes unread");
        }
        return message;
    }
}
