package io.kafkaex.network;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.telemetry.BrokerInfo;
import io.kafkaex.telemetry.ConnectionCloseReason;
import io.kafkaex.telemetry.ConnectionEvent;
import io.kafkaex.telemetry.Outcome;
import io.kafkaex.telemetry.RequestEvent;
import io.kafkaex.telemetry.Telemetry;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Turns what the network layer does into the {@code request} and {@code connection} telemetry events. Each
 * span starts with a {@code *Started} call that returns {@code null} when no listener is registered, so a
 * disabled client allocates nothing; callers keep the span and end it once.
 *
 * <p>Node ids come from the cluster metadata ({@link #nameBrokers}); a bootstrap address not named yet is
 * reported with {@link BrokerInfo#UNKNOWN_NODE_ID}.
 *
 * <p>The spans are used on the event-loop thread only; {@link #nameBrokers} may be called from any thread.
 */
final class NetworkTelemetry {

    private final Telemetry telemetry;
    private final String clientId;
    private volatile Map<String, Integer> nodeIds = Map.of();

    NetworkTelemetry(Telemetry telemetry, String clientId) {
        this.telemetry = telemetry;
        this.clientId = clientId;
    }

    /** Replaces the known {@code host:port} → node id names. */
    void nameBrokers(Map<String, Integer> hostPortToNodeId) {
        this.nodeIds = Map.copyOf(hostPortToNodeId);
    }

    /** Starts a connection span (TCP connect until ready), or returns {@code null} when telemetry is off. */
    ConnectionSpan connectionStarted(InetSocketAddress address, boolean tls) {
        if (!telemetry.isEnabled()) {
            return null;
        }
        ConnectionSpan span = new ConnectionSpan(new ConnectionEvent.Metadata(brokerInfo(address), tls), System.nanoTime());
        telemetry.emit(new ConnectionEvent.Start(span.metadata, Instant.now()));
        return span;
    }

    /** Starts a request span for a frame about to be written, or returns {@code null} when telemetry is off. */
    RequestSpan requestStarted(ApiKey api, short version, int correlationId, InetSocketAddress address, long bytesSent) {
        if (!telemetry.isEnabled()) {
            return null;
        }
        RequestSpan span = new RequestSpan(new RequestEvent.Metadata(api, version, correlationId, clientId, brokerInfo(address)),
                System.nanoTime(), bytesSent);
        telemetry.emit(new RequestEvent.Start(span.metadata, Instant.now()));
        return span;
    }

    /** The broker at {@code address}: its node id when cluster metadata named it, else {@link BrokerInfo#UNKNOWN_NODE_ID}. */
    BrokerInfo brokerInfo(InetSocketAddress address) {
        String host = address.getHostString();
        Integer nodeId = nodeIds.get(host + ":" + address.getPort());
        return new BrokerInfo(nodeId != null ? nodeId : BrokerInfo.UNKNOWN_NODE_ID, host, address.getPort());
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * One connection's events: a start, then exactly one stop (ready, or failed before it) and, once the
     * connection closes, exactly one close event. Event-loop thread only.
     */
    final class ConnectionSpan {

        private final ConnectionEvent.Metadata metadata;
        private final long startNanos;
        private boolean ended;

        private ConnectionSpan(ConnectionEvent.Metadata metadata, long startNanos) {
            this.metadata = metadata;
            this.startNanos = startNanos;
        }

        /** The connection negotiated and is ready for requests. */
        void ready() {
            end(Outcome.ok());
        }

        /**
         * The connection closed for {@code reason}; if it never became ready, its span ends with {@code cause}
         * first. Before readiness, {@link ConnectionCloseReason#SHUTDOWN} and {@link ConnectionCloseReason#AUTH_ERROR}
         * stay as they are and any other reason is reported as {@link ConnectionCloseReason#INIT_ERROR}.
         */
        void closed(ConnectionCloseReason reason, Throwable cause) {
            ConnectionCloseReason reported = reason;
            if (!ended) {
                end(Outcome.error(cause));
                if (reason != ConnectionCloseReason.SHUTDOWN && reason != ConnectionCloseReason.AUTH_ERROR) {
                    reported = ConnectionCloseReason.INIT_ERROR;
                }
            }
            telemetry.emit(new ConnectionEvent.Closed(metadata, reported));
        }

        /** Setting the connection up threw something other than an I/O failure. */
        void threw(Throwable exception) {
            if (!ended) {
                ended = true;
                telemetry.emit(new ConnectionEvent.Thrown(metadata, since(startNanos), exception));
            }
        }

        private void end(Outcome outcome) {
            if (!ended) {
                ended = true;
                telemetry.emit(new ConnectionEvent.Stop(metadata, since(startNanos), outcome));
            }
        }
    }

    /** One request's events: a start, then exactly one stop or exception. Event-loop thread only. */
    final class RequestSpan {

        private final RequestEvent.Metadata metadata;
        private final long startNanos;
        private final long bytesSent;

        private RequestSpan(RequestEvent.Metadata metadata, long startNanos, long bytesSent) {
            this.metadata = metadata;
            this.startNanos = startNanos;
            this.bytesSent = bytesSent;
        }

        /**
         * The request ended without a transport failure: a response of {@code bytesReceived} bytes (size prefix
         * included) arrived and was parsed, or, for a request the broker does not answer, it was written (0).
         */
        void succeeded(long bytesReceived) {
            telemetry.emit(new RequestEvent.Stop(metadata, since(startNanos), bytesSent, bytesReceived, Outcome.ok()));
        }

        /** No response arrived: the connection failed or the deadline passed. */
        void unanswered(Throwable cause) {
            telemetry.emit(new RequestEvent.Stop(metadata, since(startNanos), bytesSent, 0, Outcome.error(cause)));
        }

        /** The response could not be parsed. */
        void threw(Throwable exception) {
            telemetry.emit(new RequestEvent.Thrown(metadata, since(startNanos), exception));
        }
    }
}
