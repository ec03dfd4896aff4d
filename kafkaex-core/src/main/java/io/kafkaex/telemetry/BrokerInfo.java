package io.kafkaex.telemetry;

/**
 * The broker an event concerns: its node id and address. Telemetry metadata, immutable.
 *
 * @param nodeId the broker's node id, or {@link #UNKNOWN_NODE_ID} for a bootstrap address whose node id is
 *     not known yet
 * @param host the host name or address the client connects to
 * @param port the port the client connects to
 */
public record BrokerInfo(int nodeId, String host, int port) {

    /** The {@link #nodeId()} of a bootstrap broker before the cluster metadata names it. */
    public static final int UNKNOWN_NODE_ID = -1;

    /** {@code nodeId@host:port}, e.g. {@code 1@kafka-1:9092}; the form log lines use. */
    @Override
    public String toString() {
        return nodeId + "@" + host + ":" + port;
    }
}
