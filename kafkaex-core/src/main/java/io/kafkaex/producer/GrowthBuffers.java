package io.kafkaex.producer;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the heap buffers compressed batches grow into beyond their pooled buffer, so the next batches reuse them
 * instead of allocating and zeroing up to half a megabyte each; at most {@code keep} are kept, the rest are left
 * to the garbage collector. A batch takes one when it outgrows its pooled buffer and gives it back as soon as it
 * is built, its compressed bytes moved back into its pooled buffer, so only open batches (one per partition) hold
 * one.
 *
 * <p>Thread-safe: taken by the threads that call {@code send}, given back by whichever thread builds a batch.
 */
final class GrowthBuffers {

    private final int keep;
    private final Queue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();

    GrowthBuffers(int keep) {
        this.keep = keep;
    }

    /** An empty buffer of at least {@code capacity} bytes, position 0: a kept one when it is large enough. */
    ByteBuffer take(int capacity) {
        ByteBuffer reused = free.poll();
        if (reused != null) {
            kept.decrementAndGet();
            if (reused.capacity() >= capacity) {
                return reused.clear();
            }
        }
        return ByteBuffer.allocate(capacity);
    }

    /** Takes back a buffer no batch uses any more, unless {@code keep} are kept already. */
    void give(ByteBuffer buffer) {
        if (kept.incrementAndGet() <= keep) {
            free.offer(buffer);
        } else {
            kept.decrementAndGet();
        }
    }

    /** How many buffers are kept for reuse now. */
    int kept() {
        return kept.get();
    }
}
