package io.kafkaex.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Realistic record contents for benchmarks: short keys and 100-byte JSON-like values that vary from record
 * to record the way events of one application do, so compression ratios are meaningful (random bytes would
 * barely compress). Seeded, so every run and both clients see the same data.
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
