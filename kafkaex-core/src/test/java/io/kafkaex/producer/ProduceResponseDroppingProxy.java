package io.kafkaex.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy for fault injection in front of one real broker: it passes every request and response through
 * unchanged except the responses to the Produce requests its {@link ResponseDropRule} chooses, which it reads from
 * the broker (so the broker has written the batch) and drops, so that the client retries a request the broker
 * already handled. It reads Kafka frames and the start of their headers only, so every API and version passes.
 *
 * <pre>{@code
 * try (ProduceResponseDroppingProxy proxy = ProduceResponseDroppingProxy.bind();
 *      KafkaTestCluster cluster = KafkaTestCluster.builder()
 *              .advertisedPort(1, BrokerListener.PLAINTEXT, proxy.port()).start()) {  // clients come back through it
 *     proxy.forwardTo(cluster.bootstrapServers());
 *     ResponseDropRule drops = proxy.dropResponses(10, 5, ResponseDropRule.AfterDrop.CLOSE_CONNECTION);
 *     // a client bootstrapped at proxy.bootstrapServers() ...
 * }
 * }</pre>
 *
 * <p>It accepts on a thread of its own and serves each connection with two more, all named after
 * {@link #THREAD_NAME_PREFIX}; {@link #close()} closes every socket and waits for them to end. Thread-safe: every
 * method may be called from any thread.
 */
final class ProduceResponseDroppingProxy implements AutoCloseable {

    /** How the names of the proxy's threads begin, for leak checks. */
    static final String THREAD_NAME_PREFIX = "produce-response-dropping-proxy-";

    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(10);

    private final ServerSocket server;
    private final List<ProxiedConnection> connections = new CopyOnWriteArrayList<>();
    private volatile ResponseDropRule rule = ResponseDropRule.dropNothing();
    private volatile InetSocketAddress broker;
    private volatile Thread acceptor;
    private volatile boolean closed;

    private ProduceResponseDroppingProxy(ServerSocket server) {
        this.server = server;
    }

    /**
     * A proxy listening on a free port of 127.0.0.1, not yet accepting: connections wait in the backlog until
     * {@link #forwardTo} names the broker.
     */
    static ProduceResponseDroppingProxy bind() {
        try {
            return new ProduceResponseDroppingProxy(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on a free port of 127.0.0.1", e);
        }
    }

    /** The port it listens on. */
    int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:port}, as a bootstrap server list. */
    String bootstrapServers() {
        return "127.0.0.1:" + port();
    }

    /** Starts accepting connections and passing each to {@code bootstrapServer}, given as {@code host:port}. */
    synchronized void forwardTo(String bootstrapServer) {
        if (acceptor != null || closed) {
            throw new IllegalStateException("The proxy is already forwarding to " + broker + " or closed");
        }
        int colon = bootstrapServer.lastIndexOf(':');
        broker = new InetSocketAddress(bootstrapServer.substring(0, colon), Integer.parseInt(bootstrapServer.substring(colon + 1)));
        acceptor = new Thread(this::acceptLoop, THREAD_NAME_PREFIX + port() + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * From now on drops the response to every {@code everyNth} Produce request (counted over all connections,
     * retries included), at most {@code atMost} of them, and then treats the connection as {@code afterDrop} says.
     * Replaces the rule before; returns the new one, which counts what happens under it.
     */
    ResponseDropRule dropResponses(int everyNth, int atMost, ResponseDropRule.AfterDrop afterDrop) {
        ResponseDropRule next = new ResponseDropRule(everyNth, atMost, afterDrop);
        rule = next;
        return next;
    }

    /** Stops listening, closes every connection and waits for the proxy's threads to end. Idempotent. */
    @Override
    public void close() throws InterruptedException {
        Thread accepting;
        synchronized (this) {
            closed = true;
            accepting = acceptor;
        }
        try {
            server.close();
        } catch (IOException e) {
            // not listening either way
        }
        if (accepting != null) {
            accepting.join(JOIN_MILLIS); // no connection is added after this
        }
        for (ProxiedConnection connection : connections) {
            connection.close();
        }
        for (ProxiedConnection connection : connections) {
            connection.join(JOIN_MILLIS);
        }
    }

    private void acceptLoop() {
        int accepted = 0;
        try {
            while (!closed) {
                Socket client = server.accept();
                connections.removeIf(ProxiedConnection::isFinished);
                try {
                    connections.add(ProxiedConnection.open(client, broker, () -> rule,
                            THREAD_NAME_PREFIX + port() + "-" + ++accepted));
                } catch (IOException e) {
                    // the broker is unreachable: the client's connection was closed, as a dead broker's would be
                }
            }
        } catch (IOException e) {
            // close() closed the listening socket
        }
    }
}
