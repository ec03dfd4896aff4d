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
     * Parses the response frame (header and body) and completes the future with the result.
     *
     * @throws RuntimeException when the frame is malformed; the future is then completed with that error too
     */
    void complete(ByteBuffer frame) {
        try {
            ProtocolReader reader = RequestFrames.response(api, version, correlationId, frame);
            future.complete(parser.apply(reader));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            throw e;
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
