package io.kafkaex.test.internal;

import io.kafkaex.test.BrokerListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ports of one broker node on 127.0.0.1, chosen once when the cluster is laid out and kept across
 * restarts of the node.
 *
 * @param internal   PLAINTEXT listener for replication and the harness' own requests
 * @param controller KRaft controller listener
 * @param clients    one port per client-facing listener
 */
public record NodePorts(int internal, int controller, Map<BrokerListener, Integer> clients) {

    /** Host every listener binds to and advertises. */
    public static final String HOST = "127.0.0.1";

    /** Picks free ports for the internal and controller listeners and each of {@code listeners}. */
    public static NodePorts allocate(Set<BrokerListener> listeners) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int internal = hold(held);
            int controller = hold(held);
            Map<BrokerListener, Integer> clients = new EnumMap<>(BrokerListener.class);
            for (BrokerListener listener : listeners) {
                clients.put(listener, hold(held));
            }
            return new NodePorts(internal, controller, Map.copyOf(clients));
        } finally {
            held.forEach(NodePorts::closeQuietly);
        }
    }

    /** The port of a client-facing listener. */
    public int port(BrokerListener listener) {
        Integer port = clients.get(listener);
        if (port == null) {
            throw new IllegalArgumentException("This cluster has no " + listener + " listener; it has "
                    + clients.keySet() + ". Ask for it when building the cluster.");
        }
        return port;
    }

    private static int hold(List<ServerSocket> held) {
        try {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
            held.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the port was only held to reserve it
        }
    }
}
