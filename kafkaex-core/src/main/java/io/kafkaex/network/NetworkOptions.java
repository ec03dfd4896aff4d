package io.kafkaex.network;

import java.time.Duration;

/**
 * Settings of the network layer. Immutable.
 *
 * @param clientId          sent in every request header
 * @param maxFrameBytes     largest response frame accepted; a larger one closes the connection
 * @param maxInFlight       requests awaiting responses per connection before more wait their turn
 * @param connectTimeout    how long a TCP connect plus the TLS handshake (if any) and the ApiVersions exchange may take
 * @param reconnectBackoff  first delay before reconnecting to a broker that failed; doubles per failure
 * @param reconnectBackoffMax upper bound of that delay
 * @param connectionMaxIdle close a connection with nothing pending after this long without traffic
 */
public record NetworkOptions(String clientId, int maxFrameBytes, int maxInFlight, Duration connectTimeout,
        Duration reconnectBackoff, Duration reconnectBackoffMax, Duration connectionMaxIdle) {

    public static final int DEFAULT_MAX_FRAME_BYTES = 100 * 1024 * 1024;
    public static final int DEFAULT_MAX_IN_FLIGHT = 5;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RECONNECT_BACKOFF = Duration.ofMillis(50);
    public static final Duration DEFAULT_RECONNECT_BACKOFF_MAX = Duration.ofSeconds(1);
    /** Like the Java client: below the broker's own 10-minute idle limit, so we close first. */
    public static final Duration DEFAULT_CONNECTION_MAX_IDLE = Duration.ofMinutes(9);

    public NetworkOptions {
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1024, not " + maxFrameBytes);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, not " + connectTimeout);
        }
        if (reconnectBackoff.isNegative() || reconnectBackoffMax.compareTo(reconnectBackoff) < 0) {
            throw new IllegalArgumentException("reconnectBackoff must be >= 0 and <= reconnectBackoffMax, not "
                    + reconnectBackoff + " and " + reconnectBackoffMax);
        }
        if (connectionMaxIdle.isNegative() || connectionMaxIdle.isZero()) {
            throw new IllegalArgumentException("connectionMaxIdle must be positive, not " + connectionMaxIdle);
        }
    }

    /** The defaults with {@code clientId}. */
    public static NetworkOptions defaults(String clientId) {
        return new NetworkOptions(clientId, DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_IN_FLIGHT, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_RECONNECT_BACKOFF, DEFAULT_RECONNECT_BACKOFF_MAX, DEFAULT_CONNECTION_MAX_IDLE);
    }
}
