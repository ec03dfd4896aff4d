package io.kafkaex.spring.listener;

import io.kafkaex.producer.KafkaExProducer;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A producer of the listener infrastructure (dead letters, {@code @SendTo} replies) that is created on first use, so
 * an application that never needs one never starts its sender thread or connects it. Closing closes it, if it was
 * created.
 *
 * <p>Thread-safe.
 */
final class LazyProducer implements AutoCloseable {

    private final Supplier<KafkaExProducer> factory;
    private final Duration closeTimeout;
    private KafkaExProducer created;
    private boolean closed;

    /**
     * @param factory creates the producer, once, on the first {@link #get()}
     * @param closeTimeout how long {@link #close()} lets buffered records go out
     */
    LazyProducer(Supplier<KafkaExProducer> factory, Duration closeTimeout) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
    }

    /** The producer, created now if this is the first use. */
    synchronized KafkaExProducer get() {
        if (closed) {
            throw new IllegalStateException("The listener infrastructure's producer is closed: the context is closing");
        }
        if (created == null) {
            created = factory.get();
        }
        return created;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (created != null) {
            created.close(closeTimeout);
            created = null;
        }
    }
}
