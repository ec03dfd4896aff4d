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
 * passes its wait time plus padding). Immutable.
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
}
