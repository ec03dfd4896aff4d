package io.kafkaex.network;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolMessage;
import io.kafkaex.protocol.ProtocolReader;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A request to send once the connection has negotiated the version: the API, the body to write at that
 * version, how to parse the response at that version, and how long to wait for it (a long-polling fetch
 * passes its wait time plus padding). A request the broker does not answer (a produce with acks=0) has no
 * parser: its future completes with {@code null} once the request is written. A request whose meaning
 * changes with the version may cap it ({@link #atMostVersion}). Immutable.
 *
 * @param <T> the parsed response type
 * @param maxVersion the highest version to send it at; {@link Short#MAX_VALUE} when only the two sides' ranges count
 */
public record RequestSpec<T>(ApiKey api, Function<Short, ProtocolMessage> body, BiFunction<ProtocolReader, Short, T> parser,
        Duration timeout, short maxVersion) {

    public RequestSpec {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A request timeout must be positive, not " + timeout);
        }
    }

    /** A request sent at the highest version both sides support. */
    public RequestSpec(ApiKey api, Function<Short, ProtocolMessage> body, BiFunction<ProtocolReader, Short, T> parser,
            Duration timeout) {
        this(api, body, parser, timeout, Short.MAX_VALUE);
    }

    /** This request, sent at {@code version} at most (SaslHandshake v0 when tokens are to follow without a header). */
    public RequestSpec<T> atMostVersion(short version) {
        return new RequestSpec<>(api, body, parser, timeout, version);
    }

    /** A request the broker will not answer; the future completes with {@code null} when it is written. */
    public static <T> RequestSpec<T> withoutResponse(ApiKey api, Function<Short, ProtocolMessage> body, Duration timeout) {
        return new RequestSpec<>(api, body, null, timeout);
    }

    /** Whether the broker answers this request. */
    public boolean expectsResponse() {
        return parser != null;
    }
}
