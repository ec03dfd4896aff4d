package io.kafkaex.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One entry of the bootstrap servers setting: a host name or IP literal and a port, as the user wrote it.
 * The name is resolved again on every attempt, and every address it resolves to is a candidate, so DNS
 * changes and multi-address names work like in the Java client. Immutable.
 *
 * @param host a host name, an IPv4 literal, or an IPv6 literal without brackets
 * @param port 1..65535
 */
public record BootstrapServer(String host, int port) {

    public BootstrapServer {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("A bootstrap server needs a host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Bootstrap server " + host + " has port " + port + "; expected 1..65535");
        }
    }

    /**
     * Parses {@code host:port,host:port} (also {@code [ipv6]:port}); blanks around entries are ignored.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code host:port}
     */
    public static List<BootstrapServer> parseList(String servers) {
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("No bootstrap servers given; expected host:port[,host:port...]");
        }
        List<BootstrapServer> parsed = new ArrayList<>();
        for (String entry : servers.split(",")) {
            if (!entry.isBlank()) {
                parsed.add(parse(entry.trim()));
            }
        }
        return List.copyOf(parsed);
    }

    /** Parses one {@code host:port} or {@code [ipv6]:port}. */
    public static BootstrapServer parse(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new IllegalArgumentException("Bootstrap server '" + entry + "' is not host:port");
        }
        String host = entry.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("Bootstrap server '" + entry + "' is not host:port; write IPv6 as [address]:port");
        }
        try {
            return new BootstrapServer(host, Integer.parseInt(entry.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bootstrap server '" + entry + "' has a port that is not a number");
        }
    }

    /** Every address the host resolves to now. */
    public List<InetSocketAddress> resolve() throws UnknownHostException {
        return Arrays.stream(InetAddress.getAllByName(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
