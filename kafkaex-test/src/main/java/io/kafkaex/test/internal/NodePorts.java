package io.kafkaex.test.internal;

import io.kafkaex.test.BrokerListener;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ports of one broker node on 127.0.0.1, chosen once when the cluster is laid out and kept across
 * restarts of the node. On Linux they are chosen below the kernel's ephemeral range
 * ({@code net.ipv4.ip_local_port_range}), so no outgoing connection can take one as its source port between
 * the choice and the broker's bind (which failed a start with "Address already in use"); a port is handed out
 * once per JVM. Elsewhere the operating system picks free ports.
 *
 * @param internal   PLAINTEXT listener for replication and the harness' own requests
 * @param controller KRaft controller listener
 * @param clients    one port per client-facing listener
 */
public record NodePorts(int internal, int controller, Map<BrokerListener, Integer> clients) {

    /** Host every listener binds to and advertises. */
    public static final String HOST = "127.0.0.1";
    /** The lowest port chosen below the ephemeral range. */
    static final int LOWEST_PORT = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

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
        int below = firstEphemeralPort();
        for (int attempt = 0; below > LOWEST_PORT && attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST_PORT, below);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try {
                ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST));
                if (HANDED_OUT.add(port)) {
                    held.add(socket);
                    return port;
                }
                socket.close();
            } catch (IOException e) {
                // taken by another process: try another
            }
        }
        try {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
            held.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
        }
    }

    /** The first port of the kernel's ephemeral range, or 0 where it cannot be read (not Linux). */
    static int firstEphemeralPort() {
        try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) { // /proc sizes are not file sizes
            String[] range = reader.readLine().trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
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
