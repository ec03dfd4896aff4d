package io.kafkaex.network;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolReader;
import io.kafkaex.protocol.RequestFrames;

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

    PendingRequest(int correlationId, ApiKey api, short version, long deadlineNanos, Function<ProtocolReader, T> parser,
            CompletableFuture<T> future) {
        this.correlationId = correlationId;
        this.api = api;
        this.version = version;
        this.deadlineNanos = deadlineNanos;
        this.parser = parser;
        this.future = future;
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
     * Reads the response header of {@code frame} and checks its correlation id.
     *
     * @return a reader at the start of the response body
     * @throws RuntimeException when the header is malformed or answers another request: the stream is out of
     *                          step, so the caller closes the connection (and this request fails with it)
     */
    ProtocolReader readHeader(ByteBuffer frame) {
        return RequestFrames.response(api, version, correlationId, frame);
    }

    /**
     * Parses the response body and completes the future with the result, or with the parser's exception: a
     * body this request cannot use (a broker error, a malformed body) fails this request alone, since the
     * frame was read whole and the stream is still in step.
     */
    void complete(ProtocolReader body) {
        try {
            future.complete(parser.apply(body));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    void fail(Throwable cause) {
        future.completeExceptionally(cause);
    }

    @Override
    public String toString() {
        return api.apiName() + " v" + version + " #" + correlationId;
    }
}
