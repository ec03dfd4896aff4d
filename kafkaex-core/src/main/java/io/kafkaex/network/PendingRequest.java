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
    /** Whether request and answer are bare SASL tokens, without Kafka headers. */
    private final boolean rawToken;

    /** @param span the request's telemetry span, {@code null} when telemetry is off */
    PendingRequest(int correlationId, ApiKey api, short version, long deadlineNanos, Function<ProtocolReader, T> parser,
            CompletableFuture<T> future, NetworkTelemetry.RequestSpan span) {
        this(correlationId, api, version, deadlineNanos, parser, future, span, false);
    }

    private PendingRequest(int correlationId, ApiKey api, short version, long deadlineNanos, Function<ProtocolReader, T> parser,
            CompletableFuture<T> future, NetworkTelemetry.RequestSpan span, boolean rawToken) {
        this.rawToken = rawToken;
        this.correlationId = correlationId;
        this.api = api;
        this.version = version;
        this.deadlineNanos = deadlineNanos;
        this.parser = parser;
        this.future = future;
        this.span = span;
    }

    /**
     * A bare SASL token sent after a SaslHandshake v0: the answer is the broker's next frame, whole, with no
     * header to check. No telemetry span: it is not a Kafka request.
     */
    static PendingRequest<byte[]> rawToken(long deadlineNanos, CompletableFuture<byte[]> future) {
        return new PendingRequest<>(-1, ApiKey.SASL_HANDSHAKE, (short) 0, deadlineNanos, reader -> {
            ByteBuffer frame = reader.buffer();
            byte[] token = new byte[frame.remaining()];
            frame.get(token);
            return token;
        }, future, null, true);
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
        if (rawToken) {
            return new ProtocolReader(frame);
        }
        return RequestFrames.response(api, version, correlationId, frame);
    }

    /**
     * Parses the response body and completes the future with the result, or with the parser's exception: a
     * body this request cannot use (a broker error, a malformed body) fails this request alone, since the
     * frame was read whole and the stream is still in step. For telemetry, a broker error code is an answered
     * request; a body that cannot be parsed is the request's exception.
     *
     * @param bytesReceived the size of the response frame, its size prefix included
     */
    void complete(ProtocolReader body, long bytesReceived) {
        T result;
        try {
            result = parser.apply(body);
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
            return;
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
        return rawToken ? "raw SASL token" : api.apiName() + " v" + version + " #" + correlationId;
    }
}
