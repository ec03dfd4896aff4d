package io.kafkaex.network;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolReader;
import io.kafkaex.protocol.RequestFrames;
import io.kafkaex.protocol.error.KafkaErrorException;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One request sent on a connection and awaiting its response: what it was, when it must be answered by,
 * how to parse the answer, and the future to complete. Confined to the event-loop thread; its future
 * completes there too, so dependent stages must not block (the client layer moves user callbacks to its
 * own executor).
 *
 * @param <T> the parsed response type
 */
final class PendingRequest<T> {

    private final int correlationId;
    private final ApiKey api;
    private final short version;
    private final long deadlineNanos;
    private final Function<ProtocolReader, T> parser;
    private final CompletableFuture<T> future;
    private final NetworkTelemetry.RequestSpan span;

    /** @param span the request's telemetry span, {@code null} when telemetry is off */
    PendingRequest(int correlationId, ApiKey api, short version, long deadlineNanos, Function<ProtocolReader, T> parser,
            CompletableFuture<T> future, NetworkTelemetry.RequestSpan span) {
        this.correlationId = correlationId;
        this.api = api;
        this.version = version;
        this.deadlineNanos = deadlineNanos;
        this.parser = parser;
        this.future = future;
        this.span = span;
    }

    int correlationId() {
        return correlationId;
    }

    ApiKey api() {
        return api;
    }

    short version() {
        return version;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    CompletableFuture<T> future() {
        return future;
    }

    /**
     * Parses the response frame (header and body) and completes the future with the result. A parser that
     * maps an error code of a well-formed response to a {@link KafkaErrorException} fails only this future:
     * the stream is intact.
     *
     * @throws RuntimeException when the frame is malformed; the future is then completed with that error too,
     *                          and the caller closes the connection
     */
    void complete(ByteBuffer frame) {
        long bytesReceived = Integer.BYTES + (long) frame.remaining();
        T result;
        try {
            result = parser.apply(RequestFrames.response(api, version, correlationId, frame));
        } catch (KafkaErrorException brokerError) {
            if (span != null) {
                span.succeeded(bytesReceived);
            }
            future.completeExceptionally(brokerError);
            return;
        } catch (RuntimeException e) {
            if (span != null) {
                span.threw(e);
            }
            future.completeExceptionally(e);
            throw e;
        }
        if (span != null) {
            span.succeeded(bytesReceived);
        }
        future.complete(result);
    }

    /** No response will come: the connection failed or the deadline passed. */
    void fail(Throwable cause) {
        if (span != null) {
            span.unanswered(cause);
        }
        future.completeExceptionally(cause);
    }

    @Override
    public String toString() {
        return api.apiName() + " v" + version + " #" + correlationId;
    }
}
