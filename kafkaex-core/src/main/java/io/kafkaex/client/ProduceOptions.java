package io.kafkaex.client;

import io.kafkaex.protocol.record.compression.CompressionType;

import java.time.Duration;

/**
 * Per-produce settings: acknowledgements, how long the broker may wait for them, and the compression of
 * the batch. Immutable.
 *
 * @param acks        see {@link Acks}
 * @param timeout     the broker's time to gather the acknowledgements ({@code timeout_ms} of the request)
 * @param compression the codec of the batch
 */
public record ProduceOptions(Acks acks, Duration timeout, CompressionType compression) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ProduceOptions {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The produce timeout must be positive, was " + timeout);
        }
    }

    /** acks=all, 30 seconds, no compression. */
    public static ProduceOptions defaults() {
        return new ProduceOptions(Acks.ALL, DEFAULT_TIMEOUT, CompressionType.NONE);
    }

    public ProduceOptions withAcks(Acks newAcks) {
        return new ProduceOptions(newAcks, timeout, compression);
    }

    public ProduceOptions withCompression(CompressionType newCompression) {
        return new ProduceOptions(acks, timeout, newCompression);
    }
}
