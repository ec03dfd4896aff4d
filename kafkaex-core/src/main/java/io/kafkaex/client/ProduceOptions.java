package io.kafkaex.client;

import io.kafkaex.protocol.record.compression.CompressionCodec;
import io.kafkaex.protocol.record.compression.CompressionCodecs;
import io.kafkaex.protocol.record.compression.CompressionType;

import java.time.Duration;

/**
 * Per-produce settings: acknowledgements, how long the broker may wait for them, and the compression of
 * the batch with its level. Immutable.
 *
 * @param acks             see {@link Acks}
 * @param timeout          the broker's time to gather the acknowledgements ({@code timeout_ms} of the request)
 * @param compression      the codec of the batch
 * @param compressionLevel the codec's level, or {@link #DEFAULT_LEVEL} for Kafka's default of that codec
 */
public record ProduceOptions(Acks acks, Duration timeout, CompressionType compression, int compressionLevel) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The compression codec's own default level. */
    public static final int DEFAULT_LEVEL = Integer.MIN_VALUE;

    public ProduceOptions {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The produce timeout must be positive, was " + timeout);
        }
        if (compressionLevel != DEFAULT_LEVEL) {
            CompressionCodecs.forType(compression, compressionLevel); // names the codec's range when out of it
        }
    }

    /** acks=all, 30 seconds, no compression. */
    public static ProduceOptions defaults() {
        return new ProduceOptions(Acks.ALL, DEFAULT_TIMEOUT, CompressionType.NONE, DEFAULT_LEVEL);
    }

    public ProduceOptions withAcks(Acks newAcks) {
        return new ProduceOptions(newAcks, timeout, compression, compressionLevel);
    }

    public ProduceOptions withCompression(CompressionType newCompression) {
        return new ProduceOptions(acks, timeout, newCompression, DEFAULT_LEVEL);
    }

    /**
     * Compression with {@code level}: gzip 1–9, lz4 1–17, zstd up to 22.
     *
     * @throws IllegalArgumentException for none and snappy, which have no levels, or a level out of range
     */
    public ProduceOptions withCompression(CompressionType newCompression, int level) {
        return new ProduceOptions(acks, timeout, newCompression, level);
    }

    /** The codec these options compress with. */
    public CompressionCodec codec() {
        return compressionLevel == DEFAULT_LEVEL ? CompressionCodecs.forType(compression)
                : CompressionCodecs.forType(compression, compressionLevel);
    }
}
