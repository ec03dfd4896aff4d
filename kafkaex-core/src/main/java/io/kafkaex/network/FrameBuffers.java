package io.kafkaex.network;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reuses the heap buffers large request frames are written into (Produce requests, mostly), so a busy producer
 * does not allocate and zero a fresh buffer of tens or hundreds of kilobytes per request. Frames of at least
 * {@link #POOLED_FROM} bytes come from power-of-two size classes; up to {@link #KEPT_PER_CLASS} buffers per class
 * are kept once their frame is written. Smaller frames are plain allocations.
 *
 * <p>Event-loop confined: only the network's event-loop thread takes and gives back buffers.
 */
final class FrameBuffers {

    /** Frames smaller than this are allocated as they come. */
    static final int POOLED_FROM = 16 * 1024;
    static final int KEPT_PER_CLASS = 8;
    private static final int CLASSES = 32;

    @SuppressWarnings("unchecked")
    private final Deque<ByteBuffer>[] kept = new Deque[CLASSES];

    /** A buffer to write a frame of {@code size} bytes into: position 0, limit {@code size}. */
    ByteBuffer take(int size) {
        if (size < POOLED_FROM) {
            return ByteBuffer.allocate(size);
        }
        int sizeClass = sizeClass(size);
        Deque<ByteBuffer> free = kept[sizeClass];
        ByteBuffer buffer = free == null ? null : free.pollFirst();
        if (buffer == null) {
            buffer = ByteBuffer.allocate(sizeClass == CLASSES - 1 ? size : 1 << sizeClass);
        }
        return buffer.clear().limit(size);
    }

    /** Takes back the buffer of a frame written completely; frames below {@link #POOLED_FROM} are left to the GC. */
    void give(ByteBuffer frame) {
        int capacity = frame.capacity();
        if (capacity < POOLED_FROM || Integer.bitCount(capacity) != 1) {
            return;
        }
        int sizeClass = Integer.numberOfTrailingZeros(capacity);
        if (kept[sizeClass] == null) {
            kept[sizeClass] = new ArrayDeque<>();
        }
        if (kept[sizeClass].size() < KEPT_PER_CLASS) {
            kept[sizeClass].addLast(frame);
        }
    }

    /** How many buffers are kept for reuse. */
    int kept() {
        int count = 0;
        for (Deque<ByteBuffer> free : kept) {
            count += free == null ? 0 : free.size();
        }
        return count;
    }

    /** The power of two a frame of {@code size} bytes fits into, or the last class for sizes above 2^30. */
    private static int sizeClass(int size) {
        return Math.min(CLASSES - 1, 32 - Integer.numberOfLeadingZeros(size - 1));
    }
}
