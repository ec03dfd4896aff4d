package io.kafkaex.test.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Kafka broker for fault injection, not a broker substitute: it listens on a free port of 127.0.0.1,
 * answers ApiVersions (v0 only, offering every other API at every version, so a client gets ready and sends
 * its real request at its own highest version), and then answers every other request with one chosen
 * {@link Misbehaviour}. It reads raw frames and needs no Kafka codec, so it can test any client.
 *
 * <pre>{@code
 * try (MisbehavingBroker broker = MisbehavingBroker.start(Misbehaviour.WRONG_CORRELATION_ID)) {
 *     client.send(broker.address(), request);   // fails; the client closes the connection
 * }
 * }</pre>
 *
 * <p>Each connection is served by its own daemon thread whose name starts with {@link #THREAD_NAME_PREFIX};
 * {@link #close()} closes the listening socket and every connection and waits for those threads to end.
 * Thread-safe: every method may be called from any thread.
 */
public final class MisbehavingBroker implements AutoCloseable {

    /** How the names of this class' threads begin, for leak checks. */
    public static final String THREAD_NAME_PREFIX = "misbehaving-broker-";
    /** The frame size a half frame announces. */
    public static final int HALF_FRAME_SIZE = 64;
    /** How many bytes of a half frame (after its size prefix) are sent: the correlation id and six more. */
    public static final int HALF_FRAME_BYTES_SENT = 10;

    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(10);

    private final Misbehaviour misbehaviour;
    private final boolean answerApiVersions;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
    private final List<Short> receivedApiKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private MisbehavingBroker(Misbehaviour misbehaviour, boolean answerApiVersions) throws IOException {
        this.misbehaviour = misbehaviour;
        this.answerApiVersions = answerApiVersions;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, THREAD_NAME_PREFIX + server.getLocalPort() + "-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** A started fake broker that answers ApiVersions and then misbehaves as told. */
    public static MisbehavingBroker start(Misbehaviour misbehaviour) {
        return builder(misbehaviour).start();
    }

    /** A builder for a fake broker that misbehaves as told. */
    public static Builder builder(Misbehaviour misbehaviour) {
        return new Builder(misbehaviour);
    }

    /** The address it listens on: 127.0.0.1 and its port. */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    /** {@code 127.0.0.1:port}, as a bootstrap server list. */
    public String bootstrapServers() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** How it misbehaves. */
    public Misbehaviour misbehaviour() {
        return misbehaviour;
    }

    /** The API keys of the requests it read, in the order read, over all connections. */
    public List<Short> receivedApiKeys() {
        return List.copyOf(receivedApiKeys);
    }

    /** How many TCP connections it accepted. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Stops listening, closes every connection and waits for its threads to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        join(acceptor); // no connection thread starts after this
        sockets.forEach(MisbehavingBroker::closeQuietly);
        connectionThreads.forEach(MisbehavingBroker::join);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(socket);
            if (closed) { // close() may have passed over the set before this socket was in it
                closeQuietly(socket);
                return;
            }
            int number = accepted.incrementAndGet();
            Thread thread = new Thread(new FaultyConnection(socket, misbehaviour, answerApiVersions, receivedApiKeys::add),
                    THREAD_NAME_PREFIX + server.getLocalPort() + "-" + number);
            thread.setDaemon(true);
            connectionThreads.add(thread);
            thread.start();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    /** Configures and starts a {@link MisbehavingBroker}. Not thread-safe. */
    public static final class Builder {

        private final Misbehaviour misbehaviour;
        private boolean answerApiVersions = true;

        private Builder(Misbehaviour misbehaviour) {
            this.misbehaviour = misbehaviour;
        }

        /**
         * Whether ApiVersions gets a correct answer (the default) or the misbehaviour too, so that the client
         * never gets ready.
         */
        public Builder answerApiVersions(boolean answer) {
            this.answerApiVersions = answer;
            return this;
        }

        /** Binds a free port of 127.0.0.1 and starts accepting connections. */
        public MisbehavingBroker start() {
            try {
                return new MisbehavingBroker(misbehaviour, answerApiVersions);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen on a free port of 127.0.0.1", e);
            }
        }
    }
}
