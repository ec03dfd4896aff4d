package io.kafkaex.protocol.record.compression;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Inputs for the codec tests: deterministic, compressible or not. */
final class TestData {

    static final int KIB = 1024;
    static final int MIB = 1024 * KIB;

    private TestData() {
    }

    /** Log-like lines: compresses well but is not a trivial repetition. */
    static byte[] text(int size) {
        StringBuilder text = new StringBuilder(size + 100);
        for (int line = 0; text.length() < size; line++) {
            text.append("2024-05-0").append(line % 10).append(" INFO order-service order ").append(line * 7919)
                    .append(" accepted for customer ").append(line % 113).append('\n');
        }
        return Arrays.copyOf(text.toString().getBytes(StandardCharsets.US_ASCII), size);
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
