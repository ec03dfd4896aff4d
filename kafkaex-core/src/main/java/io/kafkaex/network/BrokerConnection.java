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
import io.kafkaex.telemetry.BrokerInfo;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import javax.net.ssl.SSLException;

/**
 * One TCP connection to a broker for one traffic class, and its state machine: BACKOFF (waiting to
 * reconnect) → CONNECTING → HANDSHAKING (TLS, when configured; plaintext passes straight on) → NEGOTIATING
 * (ApiVersions) → AUTHENTICATING (the {@link ConnectionAuthenticator}) → READY ⇄ REAUTHENTICATING → CLOSED.
 * Requests wait in a queue until the connection is ready and the in-flight window has room; each is then
 * written at the highest version both sides support. Bytes go through a {@link Transport}: plain TCP or TLS.
 *
 * <p>When the authentication granted a session lifetime (KIP-368), the connection authenticates again once
 * a random 85–95 % of it has passed, at the next request it has to send: new requests wait, those in flight
 * complete as usual (the broker answers them before the re-authentication), and the connection goes back to
 * READY. The broker enforces the session only when a request arrives, so an idle connection re-authenticates
 * when it is used again.
 *
 * <p>Not thread-safe: only the event-loop thread of its {@link NetworkClient} calls it.
 */
final class BrokerConnection {

    enum State { BACKOFF, CONNECTING, HANDSHAKING, NEGOTIATING, AUTHENTICATING, READY, REAUTHENTICATING, CLOSED }

    /** Re-authentication starts after this fraction of the session lifetime, plus a random part of the next. */
    private static final double REAUTHENTICATE_AFTER = 0.85;
    private static final double REAUTHENTICATE_JITTER = 0.10;
    /**
     * Kafka brokers refuse a re-authentication that begins less than a second after the previous one began
     * (answering ILLEGAL_SASL_STATE); counted from our end of the previous one, which is after its beginning
     * on the broker.
     */
    private static final long MIN_REAUTHENTICATION_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

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
    /** The event loop's reusable frame buffers, shared by its connections. */
    private final FrameBuffers frameBuffers;
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
    /** When the current authentication must be over; the connect deadline for the first one. */
    private long authenticationDeadlineNanos;
    /** Whether the broker granted a session that ends; if so, when it ends and when to re-authenticate. */
    private boolean sessionExpires;
    private long sessionEndsAtNanos;
    private long reauthenticateAtNanos;
    /** Set as soon as the authenticator fails, on whichever thread, so a close racing with it reports it. */
    private volatile Throwable authenticationFailure;
    /** Why the connection closed, as telemetry reported it; {@code null} while open. */
    private ConnectionCloseReason closeReason;

    BrokerConnection(InetSocketAddress address, TrafficClass trafficClass, NetworkOptions options, NetworkTelemetry telemetry,
            ConnectionAuthenticator authenticator, TlsOptions tls, Executor eventLoop, FrameBuffers frameBuffers,
            long connectAtNanos) {
        this.frameBuffers = frameBuffers;
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

    /** Whether the connection is authenticated and in use: READY, or REAUTHENTICATING with requests in flight. */
    boolean isEstablished() {
        return state == State.READY || state == State.REAUTHENTICATING;
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
            if (!isSettingUp()) {
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
        if (state == State.REAUTHENTICATING && nowNanos - authenticationDeadlineNanos >= 0) {
            return new BrokerConnectionException(address, "re-authentication did not finish in time", null);
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
        if (state == State.REAUTHENTICATING) {
            due = Math.min(due, authenticationDeadlineNanos);
        }
        if (state == State.READY && sessionExpires && !waiting.isEmpty()) {
            due = Math.min(due, reauthenticateAtNanos);
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
        boolean authenticating = state == State.AUTHENTICATING || state == State.REAUTHENTICATING;
        if (authenticating && refused != null && reason != ConnectionCloseReason.SHUTDOWN) {
            // The broker closes right after refusing; its refusal, not the disconnect, is what callers must see.
            reason = ConnectionCloseReason.AUTH_ERROR;
            cause = refused;
        } else if (authenticating && reason == ConnectionCloseReason.REMOTE_CLOSED) {
            cause = new BrokerConnectionException(address, "the broker closed the connection during SASL authentication;"
                    + " brokers without SaslAuthenticate (before Kafka 1.0) refuse wrong credentials this way", cause);
        }
        state = State.CLOSED;
        closeReason = reason;
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

    /** Why the connection closed ({@link ConnectionCloseReason#AUTH_ERROR} for a refused login); null while open. */
    ConnectionCloseReason closeReason() {
        return closeReason;
    }

    /** Requests written to the broker and awaiting their answer. */
    int requestsInFlight() {
        return inFlight.size();
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
        authenticate(State.AUTHENTICATING, connectDeadlineNanos);
    }

    /**
     * Runs the authenticator in {@code phase} (AUTHENTICATING for a new connection, REAUTHENTICATING for a
     * ready one), which must end by {@code deadlineNanos}.
     */
    private void authenticate(State phase, long deadlineNanos) {
        state = phase;
        authenticationDeadlineNanos = deadlineNanos;
        long startedNanos = System.nanoTime();
        CompletableFuture<AuthenticatedSession> authenticated;
        try {
            authenticated = authenticator.authenticate(new Exchange(phase));
        } catch (RuntimeException e) {
            authenticated = CompletableFuture.failedFuture(e);
        }
        authenticated.whenComplete((session, failure) -> {
            if (failure != null) {
                authenticationFailure = CompletionCauses.unwrap(failure);
            }
            eventLoop.execute(() -> onAuthenticated(phase, startedNanos, session, failure));
        });
    }

    private void onAuthenticated(State phase, long startedNanos, AuthenticatedSession session, Throwable error) {
        if (state != phase) {
            return; // closed meanwhile, e.g. at the setup deadline
        }
        if (error != null) {
            close(ConnectionCloseReason.AUTH_ERROR, CompletionCauses.unwrap(error));
            return;
        }
        state = State.READY;
        scheduleReauthentication(session, startedNanos);
        if (phase == State.AUTHENTICATING) {
            if (span != null) {
                span.ready();
            }
            negotiated.complete(apiVersions);
        }
        sendWaiting();
    }

    /**
     * Counted from the start of the authentication, as the broker's session cannot have begun earlier, but
     * never sooner than the broker accepts. A session shorter than that (an OAUTHBEARER token about to expire)
     * ends first: requests then wait, as the broker would close the connection at the next one, until the
     * re-authentication may begin (the broker takes a SaslHandshake after the end).
     */
    private void scheduleReauthentication(AuthenticatedSession session, long startedNanos) {
        sessionExpires = session != null && session.expires();
        if (sessionExpires) {
            sessionEndsAtNanos = startedNanos + session.lifetime().toNanos();
            double fraction = REAUTHENTICATE_AFTER + REAUTHENTICATE_JITTER * ThreadLocalRandom.current().nextDouble();
            long due = startedNanos + (long) (session.lifetime().toNanos() * fraction);
            long earliestAccepted = System.nanoTime() + MIN_REAUTHENTICATION_INTERVAL_NANOS;
            reauthenticateAtNanos = due - earliestAccepted < 0 ? earliestAccepted : due;
        }
    }

    /**
     * Sends waiting requests while the in-flight window has room. When the session is due for
     * re-authentication, re-authenticates first (once the window has room for its requests); when it has
     * ended before a re-authentication may begin, requests wait for it.
     */
    void sendWaiting() {
        if (state != State.READY || waiting.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (sessionExpires && now - reauthenticateAtNanos >= 0) {
            if (!inFlight.isFull()) {
                authenticate(State.REAUTHENTICATING, Math.max(now, inFlight.latestDeadlineNanos())
                        + options.connectTimeout().toNanos());
            }
            return;
        }
        if (sessionExpires && now - sessionEndsAtNanos >= 0) {
            return;
        }
        while (!waiting.isEmpty() && !inFlight.isFull()) {
            sendNow(waiting.pollFirst());
        }
    }

    private <T> void sendNow(QueuedRequest<T> queued) {
        RequestSpec<T> spec = queued.spec();
        try {
            short version = apiVersions.negotiate(spec.api(), spec.maxVersion());
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
        ByteBuffer frame = RequestFrames.request(api, version, correlationId, options.clientId(), body, frameBuffers::take);
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
        if (e instanceof SSLException tlsFailure && isSettingUp()) {
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
        ByteBuffer frame = RequestFrames.request(api, version, correlationId, options.clientId(), body, frameBuffers::take);
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
            frameBuffers.give(unwritten.pollFirst()); // written out (copied by the socket or the TLS engine)
        }
        if (!transport.flush()) {
            selectionKey.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else if (selectionKey.isValid()) {
            selectionKey.interestOps(SelectionKey.OP_READ);
        }
    }

    /** The authenticator's view of this connection while it is AUTHENTICATING or REAUTHENTICATING. */
    private final class Exchange implements AuthenticationExchange {

        private final State phase;

        Exchange(State phase) {
            this.phase = phase;
        }

        @Override
        public InetSocketAddress broker() {
            return address;
        }

        @Override
        public BrokerInfo brokerInfo() {
            return telemetry.brokerInfo(address);
        }

        @Override
        public boolean isReauthentication() {
            return phase == State.REAUTHENTICATING;
        }

        @Override
        public BrokerApiVersions apiVersions() {
            return apiVersions;
        }

        @Override
        public <T> CompletableFuture<T> send(RequestSpec<T> spec) {
            CompletableFuture<T> future = new CompletableFuture<>();
            if (state != phase) {
                future.completeExceptionally(new BrokerConnectionException(address,
                        "authentication request on a connection that is " + state, null));
                return future;
            }
            sendNow(new QueuedRequest<>(spec, authenticationDeadlineNanos, future));
            return future;
        }

        @Override
        public CompletableFuture<byte[]> sendRawToken(byte[] token) {
            CompletableFuture<byte[]> future = new CompletableFuture<>();
            if (state != phase || inFlight.isFull()) {
                future.completeExceptionally(new BrokerConnectionException(address,
                        "SASL token on a connection that is " + state, null));
                return future;
            }
            inFlight.add(PendingRequest.rawToken(authenticationDeadlineNanos, future));
            unwritten.addLast(ByteBuffer.allocate(Integer.BYTES + token.length).putInt(token.length).put(token).flip());
            try {
                writeUnwritten();
            } catch (IOException e) {
                closeOnWriteFailure(e);
            }
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
