package io.kafkaex.protocol.message;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.ProtocolReader;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input: valid encodings of every message at every version, mutated (flipped bytes, truncation,
 * huge lengths, junk appended to prefixes), must either decode or fail with {@link ProtocolException} —
 * never another exception, an endless loop or an out-of-memory error. Seeded and bounded.
 */
class MessageFuzzTest {

    private static final int MUTATIONS_PER_VERSION = 60;

    static Stream<Arguments> everyMessageAtEveryVersion() {
        return MessageVersions.all();
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("everyMessageAtEveryVersion")
    void mutatedBytesDecodeOrFailWithAProtocolException(GeneratedMessages.Entry entry, short version) {
        Random random = new Random(entry.name().hashCode() * 31L + version);
        for (int i = 0; i < MUTATIONS_PER_VERSION; i++) {
            ByteBuffer valid = MessageVersions.encode(entry.random().apply(random, version), version);
            byte[] mutated = mutate(valid, random);
            assertThatCode(() -> {
                try {
                    entry.reader().apply(new ProtocolReader(ByteBuffer.wrap(mutated)), version);
                } catch (ProtocolException expected) {
                    // the only acceptable failure
                }
            }).as("%s v%d mutation %d", entry.name(), version, i).doesNotThrowAnyException();
        }
    }

    private static byte[] mutate(ByteBuffer valid, Random random) {
        byte[] bytes = new byte[valid.remaining()];
        valid.get(bytes);
        if (bytes.length == 0) {
            return new byte[] {(byte) random.nextInt()};
        }
        switch (random.nextInt(4)) {
            case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> {
                int at = random.nextInt(bytes.length);
                for (int i = at; i < Math.min(bytes.length, at + 4); i++) {
                    bytes[i] = i == at ? (byte) 0x7f : (byte) 0xff;
                }
            }
            default -> {
                for (int i = 0; i < 3; i++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
                }
            }
        }
        return bytes;
    }
}
