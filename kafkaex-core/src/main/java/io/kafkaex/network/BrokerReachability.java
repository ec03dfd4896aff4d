package io.kafkaex.network;

import io.kafkaex.telemetry.ConnectionCloseReason;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which brokers the client could reach on its last try, kept from connection outcomes as they happen, so that
 * {@link NetworkStatus} answers without a broker round trip. A ready connection makes its broker reachable; a failed
 * attempt or a broken connection makes it unreachable, unless another connection to that broker is still ready.
 * Closing for shutdown, idleness or a topology change says nothing about reachability.
 *
 * <p>Not thread-safe: only the event-loop thread of its {@link NetworkClient} calls it.
 */
final class BrokerReachability {

    private final Set<InetSocketAddress> reachable = new HashSet<>();
    private final Map<InetSocketAddress, String> unreachable = new HashMap<>();
    private Throwable authenticationFailure;
    private boolean changed;

    /** A connection to {@code broker} became ready (and, with SASL, authenticated). */
    void connected(InetSocketAddress broker) {
        reachable.add(broker);
        unreachable.remove(broker);
        authenticationFailure = null;
        changed = true;
    }

    /**
     * A connection to {@code broker} closed for {@code reason} (null: unknown, counted as a setup failure).
     *
     * @param stillConnected whether another connection to the same broker is ready, which proves it reachable
     */
    void closed(InetSocketAddress broker, ConnectionCloseReason reason, Throwable cause, boolean stillConnected) {
        ConnectionCloseReason known = reason == null ? ConnectionCloseReason.INIT_ERROR : reason;
        changed = true; // the open-connection count changed at least
        if (!isFailure(known) || stillConnected) {
            return;
        }
        reachable.remove(broker);
        unreachable.put(broker, cause == null ? known.name() : known.name() + ": " + cause.getMessage());
        if (known == ConnectionCloseReason.AUTH_ERROR) {
            authenticationFailure = cause;
        }
    }

    /** A connection was opened: the open count changed. */
    void opened() {
        changed = true;
    }

    /** A snapshot when anything changed since the last one was taken, else {@code null}. */
    NetworkStatus snapshotIfChanged(int openConnections, int requestsInFlight) {
        if (!changed) {
            return null;
        }
        changed = false;
        return new NetworkStatus(reachable, unreachable, openConnections, authenticationFailure, requestsInFlight,
                false);
    }

    static boolean isFailure(ConnectionCloseReason reason) {
        return switch (reason) {
            case REMOTE_CLOSED, TIMEOUT, SEND_ERROR, RECEIVE_ERROR, INIT_ERROR, AUTH_ERROR -> true;
            case SHUTDOWN, IDLE, METADATA_UPDATE, RECONNECTING -> false;
        };
    }
}
