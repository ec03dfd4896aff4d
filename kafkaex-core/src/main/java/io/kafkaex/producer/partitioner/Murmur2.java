package io.kafkaex.producer.partitioner;

/**
 * The 32-bit MurmurHash2 variant that Kafka's clients hash record keys with (seed {@code 0x9747b28c},
 * little-endian 4-byte words), so that a key lands on the same partition with every client. The same function
 * as kafka_ex's {@code KafkaEx.Support.Murmur.murmur2/1} and the Java client's {@code Utils.murmur2}.
 *
 * <p>Stateless; any thread may call it.
 */
public final class Murmur2 {

    private static final int M = 0x5bd1e995;
    private static final int R = 24;
    private static final int SEED = 0x9747b28c;

    private Murmur2() {
    }

    /**
     * The hash of {@code data} as a signed 32-bit value.
     *
     * @param data the bytes to hash; an empty array hashes too
     */
    public static int hash(byte[] data) {
        int length = data.length;
        int h = SEED ^ length;
        int tail = length & ~3;
        for (int i = 0; i < tail; i += 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16
                    | (data[i + 3] & 0xff) << 24;
            k *= M;
            k ^= k >>> R;
            k *= M;
            h *= M;
            h ^= k;
        }
        int remaining = length - tail;
        if (remaining == 3) {
            h ^= (data[tail + 2] & 0xff) << 16;
        }
        if (remaining >= 2) {
            h ^= (data[tail + 1] & 0xff) << 8;
        }
        if (remaining >= 1) {
            h ^= data[tail] & 0xff;
            h *= M;
        }
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return h;
    }

    /** {@code value} with its sign bit cleared, as the Java client's {@code Utils.toPositive}: not {@code Math.abs}. */
    public static int toPositive(int value) {
        return value & 0x7fffffff;
    }
}
