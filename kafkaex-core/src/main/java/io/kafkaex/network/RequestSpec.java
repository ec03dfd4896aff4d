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
 * parser: its future completes with {@code null} once the request is written. Immutable.
 *
 * @param <T> the parsed response type
 */
public record RequestSpec<T>(ApiKey api, Function<Short, ProtocolMessage> body, BiFunction<ProtocolReader, Short, T> parser,
        Duration timeout) {

    public RequestSpec {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A request timeout must be positive, not " + timeout);
        }
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
