package io.kafkaex.network;

import io.kafkaex.ClientSoftware;
import io.kafkaex.CompletionCauses;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolMessage;
import io.kafkaex.protocol.ProtocolReader;
import io.kafkaex.protocol.RequestFrames;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.ApiVersionsRequest;
import io.kafkaex.protocol.message.ApiVersionsResponse;
import io.kafkaex.security.tls.TlsOptions;
import io.kafkaex.telemetry.ConnectionCloseReason;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import javax.net.ssl.SSLException;

/**
 * One TCP connection to a broker for one traffic class, and its state machine: BACKOFF (waiting to
 * reconnect) → CONNECTING → HANDSHAKING (TLS, when configured; plaintext passes straight on) → NEGOTIATING (ApiVersions) → AUTHENTICATING (the {@link ConnectionAuthenticator}) →
 * READY → CLOSED.
 * Requests wait in a queue until the connection is ready and the in-flight window has room; each is then
 * written at the highest version both sides support. Bytes go through a {@link Transport}: plain TCP or TLS.
 *
 * <p>Not thread-safe: only the event-loop thread of its {@link NetworkClient} calls it.
 */
final class BrokerConnection {

    enum State { BACKOFF, CONNECTING, HANDSHAKING, NEGOTIATING, AUTHENTICATING, READY, CLOSED }

    private final InetSocketAddress address;
    private final TrafficClass trafficClass;
    private final NetworkOptions options;
    private final NetworkTelemetry telemetry;
    private final ConnectionAuthenticator authenticator;
    private final TlsOptions tls;
    private final Executor eventLoop;
    private final FrameReader frameReader;
    private final InFlightRequests inFlight;
    private final Deque<QueuedRequest<?>> waiting = new ArrayDeque<>();
    private final Deque<ByteBuffer> unwritten = new ArrayDeque<>();
    private final CompletableFuture<BrokerApiVersions> negotiated = new CompletableFuture<>();
    private State state = State.BACKOFF;
    private long connectAtNanos;
    private long connectDeadlineNanos;
    private SocketChannel channel;
    private Transport transport;
    private SelectionKey selectionKey;
    private BrokerApiVersions apiVersions;
    private int nextCorrelationId;
    private long lastActivityNanos;
    private NetworkTelemetry.ConnectionSpan span;
    /** Set as soon as the authenticator fails, on whichever thread, so a close racing with it reports it. */
    private volatile Throwable authenticationFailure;

    BrokerConnection(InetSocketAddress address, TrafficClass trafficClass, NetworkOptions options, NetworkTelemetry telemetry,
            ConnectionAuthenticator authenticator, TlsOptions tls, Executor eventLoop, long connectAtNanos) {
        this.address = address;
        this.trafficClass = trafficClass;
        this.options = options;
        this.telemetry = telemetry;
        this.authenticator = authenticator;
        this.tls = tls;
        this.eventLoop = eventLoop;
        this.frameReader = new FrameReader(options.maxFrameBytes());
        this.inFlight = new InFlightRequests(options.maxInFlight());
        this.connectAtNanos = connectAtNanos;
    }

    State state() {
        return state;
    }

    InetSocketAddress address() {
        return address;
    }

    /** Completes with the broker's API versions when the connection is ready; fails if it closes first. */
    CompletableFuture<BrokerApiVersions> negotiated() {
        return negotiated;
    }

    <T> void enqueue(RequestSpec<T> spec, long nowNanos, CompletableFuture<T> future) {
        lastActivityNanos = nowNanos;
        waiting.addLast(new QueuedRequest<>(spec, nowNanos + spec.timeout().toNanos(), future));
        if (state == State.READY) {
            sendWaiting();
        }
    }

    /** Starts the TCP connect once the backoff is over. */
    void connectIfDue(Selector selector, long nowNanos) throws IOException {
        if (state != State.BACKOFF || nowNanos - connectAtNanos < 0) {
            return;
        }
        span = telemetry.connectionStarted(address, tls != null);
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.socket().setTcpNoDelay(true);
        transport = tls == null ? new PlaintextTransport(channel)
                : new TlsTransport(channel, tls.newEngine(address.getHostString(), address.getPort()));
        connectDeadlineNanos = nowNanos + options.connectTimeout().toNanos();
        state = State.CONNECTING;
        selectionKey = channel.register(selector, SelectionKey.OP_CONNECT, this);
        if (channel.connect(address)) {
            onConnected();
        }
    }

    /**
     * Handles the selector's readiness for this connection. A failed write closes the connection here (as
     * {@link ConnectionCloseReason#SEND_ERROR}), and so does a failed TLS handshake (as
     * {@link ConnectionCloseReason#INIT_ERROR} with a {@link TlsHandshakeException}); what this throws comes from
     * connecting or reading.
     */
    void onSelected() throws IOException {
        try {
            onReady();
        } catch (SSLException e) {
            if (state == State.READY) {
                throw e;
            }
            // TLS 1.3 reports a rejected client certificate only after the client's handshake ended: setup failure too
            close(ConnectionCloseReason.INIT_ERROR, TlsHandshakeException.classify(address, e));
        }
    }

    private void onReady() throws IOException {
        if (selectionKey.isConnectable() && channel.finishConnect()) {
            onConnected();
        }
        if (state == State.HANDSHAKING) {
            if (selectionKey.isValid() && (selectionKey.isReadable() || selectionKey.isWritable())) {
                continueHandshake();
            }
            return;
        }
        if (selectionKey.isValid() && selectionKey.isReadable()) {
            ByteBuffer frame;
            lastActivityNanos = System.nanoTime();
            while (state != State.CLOSED && (frame = frameReader.read(transport)) != null) {
                inFlight.complete(frame);
                if (state == State.READY) {
                    sendWaiting();
                }
            }
        }
        if (selectionKey.isValid() && selectionKey.isWritable()) {
            try {
                writeUnwritten();
            } catch (IOException e) {
                closeOnWriteFailure(e);
            }
        }
    }

    /**
     * Fails what is overdue at {@code nowNanos}: a connect or negotiation past its deadline or an
     * unanswered request closes the connection; a request still waiting to be sent fails alone, as a
     * {@link RequestNotSentException} (it is safe to send again).
     *
     * @return the reason to close the connection, or {@code null}
     */
    RuntimeException checkDeadlines(long nowNanos) {
        if (isSettingUp() && nowNanos - connectDeadlineNanos >= 0) {
            return new BrokerConnectionException(address, "no connection within " + options.connectTimeout(), null);
        }
        if (inFlight.hasExpired(nowNanos)) {
            return new RequestTimeoutException("A request to broker " + describe() + " got no response in time");
        }
        for (Iterator<QueuedRequest<?>> it = waiting.iterator(); it.hasNext(); ) {
            QueuedRequest<?> queued = it.next();
            if (nowNanos - queued.deadlineNanos() >= 0) {
                it.remove();
                queued.future().completeExceptionally(new RequestNotSentException(address, new RequestTimeoutException(
                        queued.spec().api().apiName() + " could not be sent within " + queued.spec().timeout()
                        + " (connection " + describe() + " is " + state + ")")));
            }
        }
        return null;
    }

    /** The earliest moment something of this connection is due: a connect, a deadline. */
    long nextDueNanos(long nowNanos) {
        long due = inFlight.earliestDeadlineNanos();
        if (state == State.READY && inFlight.isEmpty() && waiting.isEmpty()) {
            due = Math.min(due, lastActivityNanos + options.connectionMaxIdle().toNanos());
        }
        if (state == State.BACKOFF) {
            due = Math.min(due, connectAtNanos);
        }
        if (isSettingUp()) {
            due = Math.min(due, connectDeadlineNanos);
        }
        for (QueuedRequest<?> queued : waiting) {
            due = Math.min(due, queued.deadlineNanos());
        }
        return due == Long.MAX_VALUE ? nowNanos + 1_000_000_000L : due;
    }

    /**
     * Closes the channel and fails every request: those in flight (written, or being written) with
     * {@code cause}, those still waiting with a {@link RequestNotSentException} whose cause it is.
     * {@code reason} is what telemetry reports (a connection that never became ready reports
     * {@link ConnectionCloseReason#INIT_ERROR}).
     */
    void close(ConnectionCloseReason reason, Throwable cause) {
        if (state == State.CLOSED) {
            return;
        }
        Throwable refused = authenticationFailure;
        if (state == State.AUTHENTICATING && refused != null && reason != ConnectionCloseReason.SHUTDOWN) {
            // The broker closes right after refusing; its refusal, not the disconnect, is what callers must see.
            reason = ConnectionCloseReason.AUTH_ERROR;
            cause = refused;
        }
        state = State.CLOSED;
        if (span != null) {
            span.closed(reason, cause);
        }
        if (selectionKey != null) {
            selectionKey.cancel();
        }
        if (channel != null) {
            try {
                (transport != null ? transport : channel).close(); // TLS: close_notify first
            } catch (IOException e) {
                // closing anyway
            }
        }
        inFlight.failAll(cause);
        negotiated.completeExceptionally(cause);
        QueuedRequest<?> queued;
        while ((queued = waiting.pollFirst()) != null) {
            queued.future().completeExceptionally(new RequestNotSentException(address, cause));
        }
    }

    /** Requests in flight or waiting to be sent. */
    int pendingRequests() {
        return inFlight.size() + waiting.size();
    }

    /** Whether the connection is ready, has nothing pending and saw no traffic for {@code maxIdle}. */
    boolean isIdleLongerThan(long maxIdleNanos, long nowNanos) {
        return state == State.READY && inFlight.isEmpty() && waiting.isEmpty() && nowNanos - lastActivityNanos >= maxIdleNanos;
    }

    String describe() {
        return address.getHostString() + ":" + address.getPort() + " (" + trafficClass + ")";
    }

    private boolean isSettingUp() {
        return state == State.CONNECTING || state == State.HANDSHAKING || state == State.NEGOTIATING || state == State.AUTHENTICATING;
    }

    private void onConnected() throws IOException {
        state = State.HANDSHAKING;
        continueHandshake();
    }

    private void continueHandshake() throws IOException {
        switch (transport.handshake()) {
            case NEED_READ -> selectionKey.interestOps(SelectionKey.OP_READ);
            case NEED_WRITE -> selectionKey.interestOps(SelectionKey.OP_WRITE);
            case DONE -> {
                state = State.NEGOTIATING;
                selectionKey.interestOps(SelectionKey.OP_READ);
                negotiate(ApiKey.API_VERSIONS.highestStableVersion());
            }
        }
    }

    /**
     * Sends ApiVersions at {@code version}. A broker that does not know that version answers in the v0 format
     * with UNSUPPORTED_VERSION and its own range (KIP-511); we then ask again at v0.
     */
    private void negotiate(short version) {
        ApiVersionsRequest request = new ApiVersionsRequest();
        if (version >= 3) {
            request.setClientSoftwareName(ClientSoftware.NAME).setClientSoftwareVersion(ClientSoftware.VERSION);
        }
        CompletableFuture<ApiVersionsResponse> answer = new CompletableFuture<>();
        write(ApiKey.API_VERSIONS, version, request, connectDeadlineNanos, (reader, v) -> {
            short error = reader.buffer().getShort(reader.buffer().position());
            return ApiVersionsResponse.read(reader, error == KafkaError.UNSUPPORTED_VERSION.code() ? 0 : v);
        }, answer);
        answer.whenComplete((response, unreadable) -> {
            if (unreadable != null) {
                close(ConnectionCloseReason.INIT_ERROR, new BrokerConnectionException(address,
                        "unreadable ApiVersions response: " + unreadable.getMessage(), unreadable));
            } else {
                onApiVersions(response, version);
            }
        });
    }

    private void onApiVersions(ApiVersionsResponse response, short version) {
        if (state != State.NEGOTIATING) {
            return;
        }
        KafkaError error = KafkaError.forCode(response.errorCode());
        if (error == KafkaError.UNSUPPORTED_VERSION && version > 0) {
            negotiate((short) 0);
            return;
        }
        if (error != KafkaError.NONE) {
            close(ConnectionCloseReason.INIT_ERROR,
                    new BrokerConnectionException(address, "ApiVersions failed: " + error + " - " + error.message(), null));
            return;
        }
        apiVersions = BrokerApiVersions.from(response);
        state = State.AUTHENTICATING;
        CompletableFuture<Void> authenticated;
        try {
            authenticated = authenticator.authenticate(new Exchange());
        } catch (RuntimeException e) {
            authenticated = CompletableFuture.failedFuture(e);
        }
        authenticated.whenComplete((done, failure) -> {
            if (failure != null) {
                authenticationFailure = CompletionCauses.unwrap(failure);
            }
            eventLoop.execute(() -> onAuthenticated(failure));
        });
    }

    private void onAuthenticated(Throwable error) {
        if (state != State.AUTHENTICATING) {
            return; // closed meanwhile, e.g. at the setup deadline
        }
        if (error != null) {
            close(ConnectionCloseReason.AUTH_ERROR, CompletionCauses.unwrap(error));
            return;
        }
        state = State.READY;
        if (span != null) {
            span.ready();
        }
        negotiated.complete(apiVersions);
        sendWaiting();
    }

    private void sendWaiting() {
        while (!waiting.isEmpty() && !inFlight.isFull() && state == State.READY) {
            sendNow(waiting.pollFirst());
        }
    }

    private <T> void sendNow(QueuedRequest<T> queued) {
        RequestSpec<T> spec = queued.spec();
        try {
            short version = apiVersions.negotiate(spec.api());
            if (!spec.expectsResponse()) {
                writeWithoutResponse(spec.api(), version, spec.body().apply(version), queued.future());
                return;
            }
            write(spec.api(), version, spec.body().apply(version), queued.deadlineNanos(), spec.parser(), queued.future());
        } catch (RuntimeException e) {
            queued.future().completeExceptionally(e);
        }
    }

    private <T> void write(ApiKey api, short version, ProtocolMessage body, long deadlineNanos,
            BiFunction<ProtocolReader, Short, T> parser, CompletableFuture<T> future) {
        int correlationId = nextCorrelationId++;
        ByteBuffer frame = RequestFrames.request(api, version, correlationId, options.clientId(), body);
        inFlight.add(new PendingRequest<>(correlationId, api, version, deadlineNanos,
                reader -> parser.apply(reader, version), future,
                telemetry.requestStarted(api, version, correlationId, address, frame.remaining())));
        unwritten.addLast(frame);
        try {
            writeUnwritten();
        } catch (IOException e) {
            closeOnWriteFailure(e);
        }
    }

    /** A TLS alert before the connection was ready is a failed handshake (e.g. TLS 1.3 rejecting our certificate). */
    private void closeOnWriteFailure(IOException e) {
        if (e instanceof SSLException tlsFailure && state != State.READY) {
            close(ConnectionCloseReason.INIT_ERROR, TlsHandshakeException.classify(address, tlsFailure));
        } else {
            close(ConnectionCloseReason.SEND_ERROR, new BrokerConnectionException(address, "write failed: " + e.getMessage(), e));
        }
    }

    /**
     * Writes a request the broker will not answer; its future completes once the frame is written or queued
     * behind earlier frames of this connection (or fails with the connection).
     */
    private <T> void writeWithoutResponse(ApiKey api, short version, ProtocolMessage body, CompletableFuture<T> future) {
        int correlationId = nextCorrelationId++;
        ByteBuffer frame = RequestFrames.request(api, version, correlationId, options.clientId(), body);
        NetworkTelemetry.RequestSpan requestSpan = telemetry.requestStarted(api, version, correlationId, address, frame.remaining());
        unwritten.addLast(frame);
        try {
            writeUnwritten();
            if (requestSpan != null) {
                requestSpan.succeeded(0);
            }
            future.complete(null);
        } catch (IOException e) {
            BrokerConnectionException failure = new BrokerConnectionException(address, "write failed: " + e.getMessage(), e);
            if (requestSpan != null) {
                requestSpan.unanswered(failure);
            }
            future.completeExceptionally(failure);
            close(ConnectionCloseReason.SEND_ERROR, failure);
        }
    }

    private void writeUnwritten() throws IOException {
        while (!unwritten.isEmpty()) {
            ByteBuffer next = unwritten.peekFirst();
            transport.write(next);
            if (next.hasRemaining()) {
                selectionKey.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            unwritten.pollFirst();
        }
        if (!transport.flush()) {
            selectionKey.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else if (selectionKey.isValid()) {
            selectionKey.interestOps(SelectionKey.OP_READ);
        }
    }

    /** The authenticator's view of this connection while it is AUTHENTICATING. */
    private final class Exchange implements AuthenticationExchange {

        @Override
        public InetSocketAddress broker() {
            return address;
        }

        @Override
        public BrokerApiVersions apiVersions() {
            return apiVersions;
        }

        @Override
        public <T> CompletableFuture<T> send(RequestSpec<T> spec) {
            CompletableFuture<T> future = new CompletableFuture<>();
            if (state != State.AUTHENTICATING) {
                future.completeExceptionally(new BrokerConnectionException(address,
                        "authentication request on a connection that is " + state, null));
                return future;
            }
            sendNow(new QueuedRequest<>(spec, connectDeadlineNanos, future));
            return future;
        }

        @Override
        public Executor eventLoop() {
            return eventLoop;
        }
    }

    /** A request waiting for the connection: its spec, deadline and future. */
    private record QueuedRequest<T>(RequestSpec<T> spec, long deadlineNanos, CompletableFuture<T> future) {
    }
}
