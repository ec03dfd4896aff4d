package io.kafkaex.producer;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The producer's bounded memory for batches ({@code buffer-memory}): buffers of the batch size are kept for
 * reuse, other sizes are allocated and forgotten, and the total handed out never exceeds the bound. A caller
 * finding too little memory waits, first come first served, until enough is given back or its time runs out.
 *
 * <p>Thread-safe: allocated by the threads that call {@code send}, given back by whichever thread completes a
 * batch.
 */
final class BufferPool {

    private final long totalMemory;
    private final int poolableSize;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Deque<ByteBuffer> free = new ArrayDeque<>();
    private final Deque<Condition> waiters = new ArrayDeque<>();
    /** Memory neither handed out nor held as a free pooled buffer. */
    private long unallocated;

    BufferPool(long totalMemory, int poolableSize) {
        this.totalMemory = totalMemory;
        this.poolableSize = poolableSize;
        this.unallocated = totalMemory;
    }

    /**
     * A buffer of {@code size} bytes, position 0, waiting at most {@code maxWaitNanos} for memory.
     *
     * @throws ProducerTimeoutException when the memory did not come in time
     * @throws IllegalArgumentException when {@code size} exceeds the whole pool
     */
    ByteBuffer allocate(int size, long maxWaitNanos) throws InterruptedException {
        if (size > totalMemory) {
            throw new IllegalArgumentException("A batch of " + size + " bytes cannot fit in buffer-memory of " + totalMemory
                    + " bytes");
        }
        lock.lock();
        try {
            if (size == poolableSize && !free.isEmpty() && waiters.isEmpty()) {
                return free.pollFirst();
            }
            if (waiters.isEmpty() && freeUp(size)) {
                unallocated -= size;
                return ByteBuffer.allocate(size);
            }
            return awaitMemory(size, maxWaitNanos);
        } finally {
            lock.unlock();
        }
    }

    /** Gives back a buffer from {@link #allocate}; {@code size} is what was asked for. */
    void deallocate(ByteBuffer buffer, int size) {
        lock.lock();
        try {
            if (size == poolableSize && buffer.capacity() == poolableSize) {
                free.addLast(buffer.clear());
            } else {
                unallocated += size;
            }
            Condition next = waiters.peekFirst();
            if (next != null) {
                next.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Bytes that could be handed out now without waiting. */
    long availableMemory() {
        lock.lock();
        try {
            return unallocated + (long) free.size() * poolableSize;
        } finally {
            lock.unlock();
        }
    }

    /** Threads waiting for memory. */
    int waitingThreads() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    /** The size of the buffers kept for reuse. */
    int poolableSize() {
        return poolableSize;
    }

    private ByteBuffer awaitMemory(int size, long maxWaitNanos) throws InterruptedException {
        Condition turn = lock.newCondition();
        waiters.addLast(turn);
        long remaining = maxWaitNanos;
        try {
            while (true) {
                if (waiters.peekFirst() == turn) {
                    if (size == poolableSize && !free.isEmpty()) {
                        return free.pollFirst();
                    }
                    if (freeUp(size)) {
                        unallocated -= size;
                        return ByteBuffer.allocate(size);
                    }
                }
                if (remaining <= 0) {
                    throw new ProducerTimeoutException("No room in the producer's buffer (buffer-memory " + totalMemory
                            + " bytes, " + availableMemoryLocked() + " free) for " + size + " bytes in the "
                            + TimeUnit.NANOSECONDS.toMillis(maxWaitNanos) + " ms left of max-block: records arrive faster than the brokers"
                            + " take them, or the brokers are unreachable; raise buffer-memory or max-block, or send less");
                }
                remaining = turn.awaitNanos(remaining);
            }
        } finally {
            waiters.remove(turn);
            Condition next = waiters.peekFirst();
            if (next != null) {
                next.signal();
            }
        }
    }

    /** Moves free pooled buffers to unallocated memory until {@code size} fits; whether it does. */
    private boolean freeUp(int size) {
        while (unallocated < size && !free.isEmpty()) {
            free.pollLast();
            unallocated += poolableSize;
        }
        return unallocated >= size;
    }

    private long availableMemoryLocked() {
        return unallocated + (long) free.size() * poolableSize;
    }
}
