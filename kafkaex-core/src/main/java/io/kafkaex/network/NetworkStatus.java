package io.kafkaex.network;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;

/**
 * What the network layer of one client knows about its brokers right now, read without a broker round trip and
 * without waiting for the event loop: for health checks and gauges. The event loop publishes a new snapshot when a
 * connection becomes ready or closes; {@link NetworkClient#status()} adds the current request count.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reachableBrokers brokers whose last connection became ready and has not failed since (a connection closed
 *     for being idle keeps its broker reachable)
 * @param unreachableBrokers brokers whose last connection attempt failed or whose connection broke (refused, reset,
 *     timed out, authentication refused), with why; a broker leaves this map when a connection to it is ready again
 * @param openConnections connections open or opening now
 * @param authenticationFailure the last SASL authentication refusal, or {@code null} when there was none or a
 *     connection authenticated since
 * @param requestsInFlight requests written to a broker and awaiting their answer
 * @param closed whether the client is closed or closing
 */
public record NetworkStatus(Set<InetSocketAddress> reachableBrokers, Map<InetSocketAddress, String> unreachableBrokers,
        int openConnections, Throwable authenticationFailure, int requestsInFlight, boolean closed) {

    /** The status of a client that has not connected to any broker yet. */
    public static final NetworkStatus NOT_CONNECTED = new NetworkStatus(Set.of(), Map.of(), 0, null, 0, false);

    public NetworkStatus {
        reachableBrokers = Set.copyOf(reachableBrokers);
        unreachableBrokers = Map.copyOf(unreachableBrokers);
    }

    /**
     * Whether the client has tried brokers and none of them is reachable now: every connection attempt since the
     * last ready one failed. False before the first attempt.
     */
    public boolean noBrokerReachable() {
        return reachableBrokers.isEmpty() && !unreachableBrokers.isEmpty();
    }

    /** This status with {@code count} requests in flight. */
    NetworkStatus withRequestsInFlight(int count) {
        return new NetworkStatus(reachableBrokers, unreachableBrokers, openConnections, authenticationFailure, count,
                closed);
    }

    /** This status marked closed, with nothing open or in flight. */
    NetworkStatus asClosed() {
        return new NetworkStatus(reachableBrokers, unreachableBrokers, 0, authenticationFailure, 0, true);
    }
}
