package io.kafkaex.producer.partitioner;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The key test vectors of kafka_ex's partitioners (seed-client-consumer.md, section 7), shared by the tests. */
final class SeedVectors {

    /** One key: its murmur2 and its partitions for 3, 6 and 10 partitions under Default and Legacy. */
    record Vector(String key, int murmur2, int[] defaultPartitions, int[] legacyPartitions) {

        byte[] keyBytes() {
            return key.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The partition counts of {@link Vector#defaultPartitions()} and {@link Vector#legacyPartitions()}. */
    static final int[] COUNTS = {3, 6, 10};

    static final List<Vector> VECTORS = List.of(
            new Vector("21", -973932308, new int[] {0, 0, 0}, new int[] {2, 2, 8}),
            new Vector("foobar", -790332482, new int[] {0, 0, 6}, new int[] {2, 2, 4}),
            new Vector("abc", 479470107, new int[] {0, 3, 7}, new int[] {0, 3, 7}),
            new Vector("a", -1563381124, new int[] {1, 4, 4}, new int[] {0, 0, 2}),
            new Vector("user-123", -1468255980, new int[] {2, 2, 8}, new int[] {1, 4, 6}),
            new Vector("", 275646681, new int[] {0, 3, 1}, new int[] {0, 3, 1}));

    private SeedVectors() {
    }
}
