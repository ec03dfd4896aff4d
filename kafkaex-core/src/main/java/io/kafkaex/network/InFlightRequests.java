package io.kafkaex.network;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.ProtocolReader;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The requests of one connection awaiting responses, oldest first. Kafka answers in order, so each
 * response must carry the correlation id of the oldest request; anything else means the stream is broken.
 * Bounded, so a slow broker pushes back instead of letting requests pile up.
 *
 * <p>Not thread-safe: only the event-loop thread that owns the connection calls it.
 */
final class InFlightRequests {

    private final int maxInFlight;
    private final Deque<PendingRequest<?>> queue = new ArrayDeque<>();

    InFlightRequests(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    boolean isFull() {
        return queue.size() >= maxInFlight;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    void add(PendingRequest<?> request) {
        if (isFull()) {
            throw new IllegalStateException("Already " + maxInFlight + " requests in flight");
        }
        queue.addLast(request);
    }

    /**
     * Hands a response frame to the oldest request. A body that request cannot use fails it alone; a header
     * that does not answer it leaves it in flight, to fail with the connection the caller then closes.
     *
     * @throws ProtocolException when no request awaits a response or the frame's header is malformed or
     *                           carries another correlation id than the oldest request's
     */
    void complete(ByteBuffer frame) {
        PendingRequest<?> oldest = queue.peekFirst();
        if (oldest == null) {
            throw new ProtocolException("The broker sent a response frame but no request is waiting for one");
        }
        long bytesReceived = Integer.BYTES + (long) frame.remaining();
        ProtocolReader body = oldest.readHeader(frame);
        queue.pollFirst();
        oldest.complete(body, bytesReceived);
    }

    /**
     * Whether any request is past its deadline at {@code nowNanos}. Responses come in order, so a late
     * request can only be given up together with its connection.
     */
    boolean hasExpired(long nowNanos) {
        return !queue.isEmpty() && nowNanos - earliestDeadlineNanos() >= 0;
    }

    /** The earliest deadline of any request, or {@link Long#MAX_VALUE} when none is in flight. */
    long earliestDeadlineNanos() {
        long earliest = Long.MAX_VALUE;
        for (PendingRequest<?> request : queue) {
            if (earliest == Long.MAX_VALUE || request.deadlineNanos() - earliest < 0) {
                earliest = request.deadlineNanos();
            }
        }
        return earliest;
    }

    /** The latest deadline of any request, or {@link Long#MIN_VALUE} when none is in flight. */
    long latestDeadlineNanos() {
        long latest = Long.MIN_VALUE;
        for (PendingRequest<?> request : queue) {
            if (latest == Long.MIN_VALUE || request.deadlineNanos() - latest > 0) {
                latest = request.deadlineNanos();
            }
        }
        return latest;
    }

    /** Fails and removes every request. */
    void failAll(Throwable cause) {
        PendingRequest<?> request;
        while ((request = queue.pollFirst()) != null) {
            request.fail(cause);
        }
    }
}
