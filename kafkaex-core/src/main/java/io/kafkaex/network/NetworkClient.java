package io.kafkaex.network;

import io.kafkaex.CompletionCauses;
import io.kafkaex.KafkaExException;
import io.kafkaex.security.tls.TlsOptions;
import io.kafkaex.telemetry.ConnectionCloseReason;
import io.kafkaex.telemetry.Telemetry;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network layer of one client: a single event-loop thread that owns a {@link Selector} and every broker
 * connection (one per broker and {@link TrafficClass}), negotiates API versions per connection, pipelines
 * requests, enforces each request's deadline and reconnects with exponential backoff and jitter.
 *
 * <p>{@link #send} and {@link #close} may be called from any thread: they hand work to the event loop
 * through a queue. Returned futures complete on the event-loop thread, so their dependent stages must be
 * short and must not block.
 */
public final class NetworkClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NetworkClient.class);

    private final NetworkOptions options;
    private final NetworkTelemetry telemetry;
    private final ConnectionAuthenticator authenticator;
    private final TlsOptions tls;
    private final Selector selector;
    private final Thread eventLoop;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Map<ConnectionKey, BrokerConnection> connections = new HashMap<>();
    /** Request frame buffers reused by every connection of this event loop. */
    private final FrameBuffers frameBuffers = new FrameBuffers();
    private final Map<InetSocketAddress, Integer> consecutiveFailures = new HashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerSequence;
    private volatile boolean closing;
    private final BrokerReachability reachability = new BrokerReachability();
    /** Published by the event loop when a connection opens, becomes ready or closes; read by any thread. */
    private volatile NetworkStatus status = NetworkStatus.NOT_CONNECTED;
    /** Requests awaiting an answer, as the event loop counted them last. */
    private volatile int requestsInFlight;

    /** A network client without telemetry. */
    public NetworkClient(NetworkOptions options) {
        this(options, Telemetry.noop());
    }

    /** A network client that reports {@code request} and {@code connection} events to {@code telemetry}. */
    public NetworkClient(NetworkOptions options, Telemetry telemetry) {
        this(options, telemetry, ConnectionAuthenticator.NONE);
    }

    /** A network client whose connections are authenticated by {@code authenticator} before they take requests. */
    public NetworkClient(NetworkOptions options, Telemetry telemetry, ConnectionAuthenticator authenticator) {
        this(options, telemetry, authenticator, null);
    }

    /**
     * A network client whose connections speak TLS with {@code tls} ({@code null}: plain TCP), then are
     * authenticated by {@code authenticator} before they take requests.
     */
    public NetworkClient(NetworkOptions options, Telemetry telemetry, ConnectionAuthenticator authenticator, TlsOptions tls) {
        this.options = options;
        this.telemetry = new NetworkTelemetry(telemetry, options.clientId());
        this.authenticator = authenticator;
        this.tls = tls;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a selector", e);
        }
        this.eventLoop = new Thread(this::run, "kafkaex-network-" + options.clientId());
        this.eventLoop.setDaemon(true);
        this.eventLoop.start();
    }

    /**
     * Sends a request to {@code broker} on the connection of {@code trafficClass}, connecting first if
     * needed, at the highest version both sides support.
     *
     * @return the parsed response; fails with {@link BrokerConnectionException}, {@link RequestTimeoutException},
     *         {@link NoCommonVersionException} or a protocol error
     */
    public <T> CompletableFuture<T> send(InetSocketAddress broker, TrafficClass trafficClass, RequestSpec<T> spec) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closing) {
            future.completeExceptionally(closedError(broker));
            return future;
        }
        tasks.add(() -> connection(broker, trafficClass).enqueue(spec, System.nanoTime(), future));
        selector.wakeup();
        failIfClosed(broker, future);
        return future;
    }

    /** The API versions a broker offers, negotiating a connection first if needed. */
    public CompletableFuture<BrokerApiVersions> apiVersions(InetSocketAddress broker) {
        CompletableFuture<BrokerApiVersions> future = new CompletableFuture<>();
        tasks.add(() -> connection(broker, TrafficClass.OTHER).negotiated().whenComplete((versions, error) -> {
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(versions);
            }
        }));
        selector.wakeup();
        failIfClosed(broker, future);
        return future;
    }

    /**
     * {@code brokers} ordered least loaded first (see {@link BrokerLoad}): where to send a request that any
     * broker can answer. Any thread; the future completes on the event loop.
     */
    public CompletableFuture<List<InetSocketAddress>> leastLoadedFirst(Collection<InetSocketAddress> brokers) {
        CompletableFuture<List<InetSocketAddress>> ordered = new CompletableFuture<>();
        tasks.add(() -> ordered.complete(BrokerLoad.leastLoadedFirst(brokers.stream().map(this::load).toList(),
                ThreadLocalRandom.current())));
        selector.wakeup();
        if (closing) {
            ordered.complete(List.copyOf(brokers)); // the loop may be gone; the order no longer matters
        }
        return ordered;
    }

    /**
     * Runs {@code task} on the event-loop thread after {@code delay}; never, if the client closes first.
     * Tasks must be short and must not block: they share the thread with all I/O. For work someone waits on,
     * use {@link #delay} or {@link #onLoop}, which end with a {@link ClientClosedException} instead.
     */
    public void schedule(Duration delay, Runnable task) {
        long due = System.nanoTime() + delay.toNanos();
        tasks.add(() -> timers.add(new Timer(due, timerSequence++, task, null)));
        selector.wakeup();
    }

    /**
     * Completes on the event-loop thread after {@code delay}, or fails with a {@link ClientClosedException}
     * when the client closes first (so a retry waiting on its backoff ends with the client). Any thread.
     */
    public CompletableFuture<Void> delay(Duration delay) {
        CompletableFuture<Void> elapsed = new CompletableFuture<>();
        long due = System.nanoTime() + delay.toNanos();
        tasks.add(() -> timers.add(new Timer(due, timerSequence++, () -> elapsed.complete(null), elapsed)));
        selector.wakeup();
        failIfClosed(elapsed);
        return elapsed;
    }

    /**
     * Runs {@code action} on the event-loop thread and completes with the future it returns; fails with a
     * {@link ClientClosedException} when the client closes before the action ran. Any thread.
     */
    public <T> CompletableFuture<T> onLoop(Supplier<? extends CompletionStage<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                action.get().whenComplete((value, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(value);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        selector.wakeup();
        failIfClosed(result);
        return result;
    }

    /**
     * Names the brokers for telemetry: {@code host:port} (as connected to) → node id, replacing earlier names.
     * The cluster metadata calls this with every new snapshot. Any thread.
     */
    public void nameBrokers(Map<String, Integer> hostPortToNodeId) {
        telemetry.nameBrokers(hostPortToNodeId);
    }

    /** Fails every pending request, closes every connection and ends the event-loop thread. Idempotent. */
    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        if (Thread.currentThread() != eventLoop) {
            try {
                eventLoop.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The number of open or opening broker connections; for diagnostics and health checks. */
    public int connectionCount() {
        if (Thread.currentThread() == eventLoop) {
            return openConnections(); // waiting for the loop from the loop would never end
        }
        CompletableFuture<Integer> count = new CompletableFuture<>();
        tasks.add(() -> count.complete(openConnections()));
        selector.wakeup();
        if (closing) {
            count.complete(0); // the loop may be gone; a closed client has no connections
        }
        return count.join();
    }

    /**
     * The brokers' reachability, the last authentication failure and the requests in flight, as the event loop last
     * published them: never waits and sends nothing, so health checks may call it at any rate. Any thread.
     */
    public NetworkStatus status() {
        NetworkStatus published = status;
        return published.closed() ? published : published.withRequestsInFlight(requestsInFlight);
    }

    /** Requests written to a broker and awaiting their answer, as last counted; never waits. Any thread. */
    public int requestsInFlight() {
        return requestsInFlight;
    }

    /**
     * Whether {@link #close} has begun or the event loop failed: requests fail at once and scheduled tasks no
     * longer run, so a retry must not wait for one.
     */
    public boolean isClosed() {
        return closing;
    }

    /** Whether the event-loop thread is still running. */
    public boolean isRunning() {
        return eventLoop.isAlive();
    }

    private void run() {
        try {
            while (!closing) {
                runTasks();
                long now = System.nanoTime();
                runDueTimers(now);
                long next = timers.isEmpty() ? now + TimeUnit.SECONDS.toNanos(1)
                        : Math.min(now + TimeUnit.SECONDS.toNanos(1), timers.peek().dueNanos());
                int awaitingAnswers = 0;
                for (BrokerConnection connection : new ArrayList<>(connections.values())) {
                    if (connection.state() == BrokerConnection.State.CLOSED) { // it failed by itself, e.g. a write
                        forget(connection, null);
                        continue;
                    }
                    if (connection.isIdleLongerThan(options.connectionMaxIdle().toNanos(), now)) {
                        connection.close(ConnectionCloseReason.IDLE,
                                new BrokerConnectionException(connection.address(), "closed after being idle", null));
                        forget(connection, null);
                        continue;
                    }
                    awaitingAnswers += connection.requestsInFlight();
                    connect(connection, now);
                    connection.sendWaiting(); // requests held for a re-authentication that may now begin
                    RuntimeException overdue = connection.checkDeadlines(now);
                    if (overdue != null) {
                        closeConnection(connection, ConnectionCloseReason.TIMEOUT, overdue);
                    } else {
                        next = Math.min(next, connection.nextDueNanos(now));
                    }
                }
                publishStatus(awaitingAnswers);
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime())));
                for (SelectionKey key : selector.selectedKeys()) {
                    handle((BrokerConnection) key.attachment());
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            failEverything(new KafkaExException("The network event loop failed: " + e, e));
            return;
        }
        failEverything(null);
    }

    /** Queues {@code task} for the event loop; dropped once the client has closed. */
    private void runOnLoop(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private void runDueTimers(long now) {
        while (!timers.isEmpty() && now - timers.peek().dueNanos() >= 0) {
            Runnable task = timers.poll().task();
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("A scheduled task of client {} failed; the event loop goes on", options.clientId(), e);
            }
        }
        runTasks();
    }

    private void connect(BrokerConnection connection, long now) {
        try {
            connection.connectIfDue(selector, now);
        } catch (IOException | RuntimeException e) {
            closeConnection(connection, ConnectionCloseReason.INIT_ERROR,
                    new BrokerConnectionException(connection.address(), "cannot connect: " + e, e));
        }
    }

    private void handle(BrokerConnection connection) {
        try {
            connection.onSelected();
        } catch (IOException | RuntimeException e) {
            ConnectionCloseReason reason = e instanceof EOFException ? ConnectionCloseReason.REMOTE_CLOSED
                    : ConnectionCloseReason.RECEIVE_ERROR;
            closeConnection(connection, reason, new BrokerConnectionException(connection.address(),
                    "connection " + connection.describe() + " failed: " + e.getMessage(), e));
        }
    }

    private BrokerLoad load(InetSocketAddress broker) {
        int pending = 0;
        boolean ready = false;
        for (TrafficClass trafficClass : TrafficClass.values()) {
            BrokerConnection connection = connections.get(new ConnectionKey(broker, trafficClass));
            if (connection != null) {
                pending += connection.pendingRequests();
                ready |= connection.isEstablished();
            }
        }
        return new BrokerLoad(broker, pending, ready, consecutiveFailures.getOrDefault(broker, 0));
    }

    private BrokerConnection connection(InetSocketAddress broker, TrafficClass trafficClass) {
        ConnectionKey key = new ConnectionKey(broker, trafficClass);
        BrokerConnection existing = connections.get(key);
        if (existing != null && existing.state() != BrokerConnection.State.CLOSED) {
            return existing;
        }
        BrokerConnection created = new BrokerConnection(broker, trafficClass, options, telemetry, authenticator, tls,
                this::runOnLoop, frameBuffers, System.nanoTime() + backoffNanos(broker));
        created.negotiated().whenComplete((versions, setupFailure) -> { // completes on this loop thread
            if (setupFailure == null) {
                consecutiveFailures.remove(broker);
                reachability.connected(broker);
            } else {
                consecutiveFailures.merge(broker, 1, Integer::sum); // the next connection waits its backoff
                reachability.closed(broker, created.closeReason(), CompletionCauses.unwrap(setupFailure),
                        isConnectedOtherwise(created));
            }
        });
        connections.put(key, created);
        reachability.opened();
        return created;
    }

    /** Exponential backoff with ±20 % jitter after consecutive failures of a broker; zero before any. */
    private long backoffNanos(InetSocketAddress broker) {
        int failures = consecutiveFailures.getOrDefault(broker, 0);
        if (failures == 0) {
            return 0;
        }
        double base = Math.min(options.reconnectBackoffMax().toNanos(),
                options.reconnectBackoff().toNanos() * Math.pow(2, Math.min(failures - 1, 30)));
        return (long) (base * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    }

    private int openConnections() {
        return (int) connections.values().stream().filter(c -> c.state() != BrokerConnection.State.CLOSED).count();
    }

    /** Closes a failed connection and forgets it. */
    private void closeConnection(BrokerConnection connection, ConnectionCloseReason reason, RuntimeException cause) {
        connection.close(reason, cause);
        forget(connection, cause);
    }

    /**
     * Drops a closed connection. One that was ready reports its close to the reachability here; one that never got
     * ready reported it when its setup failed.
     */
    private void forget(BrokerConnection connection, Throwable cause) {
        connections.values().remove(connection);
        CompletableFuture<BrokerApiVersions> negotiated = connection.negotiated();
        if (negotiated.isDone() && !negotiated.isCompletedExceptionally()) {
            reachability.closed(connection.address(), connection.closeReason(), cause, isConnectedOtherwise(connection));
        } else {
            reachability.opened(); // the open count changed
        }
    }

    /** Whether another connection to the broker of {@code connection} is established. */
    private boolean isConnectedOtherwise(BrokerConnection connection) {
        for (BrokerConnection other : connections.values()) {
            if (other != connection && other.address().equals(connection.address()) && other.isEstablished()) {
                return true;
            }
        }
        return false;
    }

    /** Publishes the request count and, when a connection changed, a new {@link NetworkStatus}. Event loop only. */
    private void publishStatus(int awaitingAnswers) {
        if (requestsInFlight != awaitingAnswers) {
            requestsInFlight = awaitingAnswers;
        }
        NetworkStatus changed = reachability.snapshotIfChanged(openConnections(), awaitingAnswers);
        if (changed != null) {
            status = changed;
        }
    }

    /**
     * A task queued while {@link #close} runs may come after the loop's last drain; its sender sees
     * {@code closing} set (it was set before that drain) and fails the future itself. A future completed
     * twice keeps the first outcome, so this never overrides a real result.
     */
    private void failIfClosed(InetSocketAddress broker, CompletableFuture<?> future) {
        if (closing) {
            future.completeExceptionally(closedError(broker));
        }
    }

    /** {@link #failIfClosed(InetSocketAddress, CompletableFuture)} for work that concerns no broker. */
    private void failIfClosed(CompletableFuture<?> future) {
        if (closing) {
            future.completeExceptionally(new ClientClosedException(options.clientId()));
        }
    }

    private void failEverything(Throwable cause) {
        closing = true;
        runTasks();
        for (Timer timer : timers) {
            if (timer.failOnClose() != null) {
                timer.failOnClose().completeExceptionally(new ClientClosedException(options.clientId()));
            }
        }
        timers.clear();
        for (BrokerConnection connection : connections.values()) {
            connection.close(ConnectionCloseReason.SHUTDOWN, cause != null ? cause : closedError(connection.address()));
        }
        connections.clear();
        requestsInFlight = 0;
        NetworkStatus unpublished = reachability.snapshotIfChanged(0, 0); // a change the loop had no turn to publish
        status = (unpublished != null ? unpublished : status).asClosed();
        try {
            selector.close();
        } catch (IOException e) {
            // the selector is gone either way
        }
    }

    private static BrokerConnectionException closedError(InetSocketAddress broker) {
        return new BrokerConnectionException(broker, "the client was closed", null);
    }

    private record ConnectionKey(InetSocketAddress address, TrafficClass trafficClass) {
    }

    /**
     * A task due at {@code dueNanos}; equal times run in the order they were scheduled. {@code failOnClose}, when
     * set, is the future someone waits on, failed if the client closes before the task ran.
     */
    private record Timer(long dueNanos, long sequence, Runnable task, CompletableFuture<?> failOnClose)
            implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            long byTime = dueNanos - other.dueNanos;
            return byTime != 0 ? (byTime < 0 ? -1 : 1) : Long.compare(sequence, other.sequence);
        }
    }
}
