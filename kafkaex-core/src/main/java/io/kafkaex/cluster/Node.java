package io.kafkaex.cluster;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A broker as a Metadata response describes it: its id, the host and port of the listener the client
 * connected through, and its rack when the broker has {@code broker.rack} set (Metadata v1+).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id   the broker id ({@code node.id})
 * @param host the host name or address to connect to
 * @param port the TCP port, 0 to 65535
 * @param rack the rack, or {@code null} when the broker has none or the response version predates racks
 */
public record Node(int id, String host, int port, String rack) {

    public Node {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
        }
    }

    /** {@code host:port}, as used in log lines and connection names. */
    public String address() {
        return host + ":" + port;
    }

    /** The unresolved-until-connect socket address to reach the broker at. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }
}
