package io.kafkaex.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Realistic record contents for benchmarks: short keys and 100-byte JSON-like values that vary from record
 * to record the way events of one application do, so compression ratios are meaningful (random bytes would
 * barely compress). Seeded, so every run and both clients see the same data.
 * Static methods only; any thread.
 */
final class RecordPayloads {

    static final int VALUE_SIZE = 100;

    private RecordPayloads() {
    }

    static byte[][] keys(int count) {
        byte[][] keys = new byte[count][];
        for (int i = 0; i < count; i++) {
            keys[i] = ("user-" + (i % 97)).getBytes(StandardCharsets.US_ASCII);
        }
        return keys;
    }

    /**
     * One value of {@code size} bytes: the first {@link #values} laid end to end (cut at {@code size}), so a
     * larger value is made of events like the 100-byte ones and compresses like them, not of padding.
     */
    static byte[] value(int size) {
        byte[][] events = values((size + VALUE_SIZE - 1) / VALUE_SIZE);
        byte[] value = new byte[size];
        for (int offset = 0; offset < size; offset += VALUE_SIZE) {
            System.arraycopy(events[offset / VALUE_SIZE], 0, value, offset, Math.min(VALUE_SIZE, size - offset));
        }
        return value;
    }

    static byte[][] values(int count) {
        Random random = new Random(42);
        String[] events = {"page_view", "add_to_cart", "checkout", "login", "search"};
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            String json = "{\"event\":\"" + events[random.nextInt(events.length)] + "\",\"user\":" + random.nextInt(100_000)
                    + ",\"ts\":" + (1_700_000_000_000L + i * 13L) + ",\"amount\":" + random.nextInt(10_000) + "}";
            StringBuilder padded = new StringBuilder(json);
            while (padded.length() < VALUE_SIZE) {
                padded.append(' ');
            }
            values[i] = padded.substring(0, VALUE_SIZE).getBytes(StandardCharsets.US_ASCII);
        }
        return values;
    }
}
