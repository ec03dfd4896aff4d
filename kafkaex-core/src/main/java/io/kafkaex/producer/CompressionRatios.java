package io.kafkaex.producer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How well each topic's batches compress, learnt from the batches built so far, so a compressed batch can take
 * records until its estimated compressed size reaches the batch size (as kafka-clients does) rather than
 * stopping at that many bytes before compression. Starts at 1 (no gain); each built batch moves the estimate a
 * tenth of the way towards its own ratio, so one unusually compressible batch does not overfill the next ones.
 *
 * <p>Thread-safe: updated by whichever thread builds a batch, read by the threads that call {@code send}.
 */
final class CompressionRatios {

    /** Never assume better than this; it bounds how far a batch's records may exceed the batch size. */
    static final double BEST_ASSUMED = 1.0 / 32;
    private static final double LEARNING_RATE = 0.1;

    private final ConcurrentMap<String, Double> byTopic = new ConcurrentHashMap<>();

    /** The estimated compressed size divided by the size before compression, for {@code topic}'s batches. */
    double estimate(String topic) {
        return byTopic.getOrDefault(topic, 1.0);
    }

    /** Learns from a built batch of {@code topic}: {@code compressedBytes} from {@code uncompressedBytes}. */
    void observe(String topic, int compressedBytes, int uncompressedBytes) {
        double ratio = Math.max(BEST_ASSUMED, Math.min(1.0, (double) compressedBytes / uncompressedBytes));
        byTopic.merge(topic, 1.0 + LEARNING_RATE * (ratio - 1.0), (old, ignored) -> old + LEARNING_RATE * (ratio - old));
    }
}
