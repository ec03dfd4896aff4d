package io.kafkaex.telemetry;

/**
 * Why a broker connection closed: the {@code reason} of {@code [:kafka_ex, :connection, :close]}
 * ({@link ConnectionEvent.Closed}). Each constant but {@link #IDLE} is one of kafka_ex's reasons, including
 * {@code :auth_error}, which kafka_ex emits but does not document.
 */
public enum ConnectionCloseReason {

    /** The broker closed the connection (end of stream). kafka_ex {@code :remote_closed}. */
    REMOTE_CLOSED,
    /** A request on the connection timed out, so its state is unknown. kafka_ex {@code :timeout}. */
    TIMEOUT,
    /** Writing to the socket failed. kafka_ex {@code :send_error}. */
    SEND_ERROR,
    /** Reading from the socket failed, or a response could not be decoded. kafka_ex {@code :recv_error}. */
    RECEIVE_ERROR,
    /** The client is shutting down. kafka_ex {@code :shutdown}. */
    SHUTDOWN,
    /** Setting the connection up (TCP connect, TLS handshake, API versions) failed. kafka_ex {@code :init_error}. */
    INIT_ERROR,
    /** SASL authentication failed. kafka_ex {@code :auth_error}, undocumented there. */
    AUTH_ERROR,
    /** The broker left the cluster metadata (cluster topology change). kafka_ex {@code :metadata_update}. */
    METADATA_UPDATE,
    /** The connection is closed to reconnect to the same broker. kafka_ex {@code :reconnecting}. */
    RECONNECTING,
    /**
     * The connection had nothing to do for the client's maximum idle time and was closed. Not in kafka_ex,
     * which keeps idle connections open until the broker drops them.
     */
    IDLE
}
