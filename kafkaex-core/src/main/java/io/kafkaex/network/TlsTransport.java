package io.kafkaex.network;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * TLS over a non-blocking socket with an {@link SSLEngine} in client mode. The handshake is driven by the
 * selector through {@link #handshake()}; afterwards {@link #read} unwraps records into application bytes and
 * {@link #write} wraps application bytes into records. Post-handshake messages (TLS 1.3 session tickets, key
 * updates) are handled while reading. {@link #close()} sends close_notify as far as the socket takes it at once.
 *
 * <p>The engine's delegated tasks (certificate path validation) run inline on the event loop: they take a few
 * milliseconds once per connection, less than handing them to another thread and back would cost in complexity.
 *
 * <p>Buffers: {@code netIn} holds ciphertext read but not yet unwrapped, {@code appIn} plaintext unwrapped but not
 * yet read, {@code netOut} ciphertext wrapped but not yet written; all three stay in write mode between calls.
 *
 * <p>Not thread-safe: only the event-loop thread that owns the connection calls it.
 */
final class TlsTransport implements Transport {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Records wrapped before one socket write: fewer system calls for large frames. */
    private static final int RECORDS_PER_WRITE = 4;

    private final SocketChannel channel;
    private final SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    private boolean started;

    TlsTransport(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        this.netOut = ByteBuffer.allocate(packet * RECORDS_PER_WRITE);
    }

    @Override
    public Handshake handshake() throws IOException {
        try {
            return stepHandshake();
        } catch (SSLException e) {
            throw e;
        } catch (IOException e) {
            IOException cause = alertOr(e);
            if (cause instanceof SSLException alert) {
                throw alert;
            }
            SSLHandshakeException failure = new SSLHandshakeException("the connection broke during the TLS handshake: "
                    + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    private Handshake stepHandshake() throws IOException {
        if (!started) {
            engine.beginHandshake();
            started = true;
        }
        while (true) {
            if (!flush()) {
                return Handshake.NEED_WRITE;
            }
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runDelegatedTasks();
                case NEED_WRAP -> wrap(EMPTY);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    Step step = unwrap();
                    if (step == Step.NEED_DATA) {
                        return Handshake.NEED_READ;
                    }
                    if (step == Step.CLOSED) {
                        throw new SSLHandshakeException("the broker closed the connection during the TLS handshake");
                    }
                }
                default -> {
                    return Handshake.DONE;
                }
            }
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            if (appIn.position() > 0) {
                total += drainAppIn(dst);
                continue;
            }
            if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                wrap(EMPTY); // an answer to a post-handshake message, e.g. a TLS 1.3 key update
                flush();
            }
            Step step = unwrap();
            if (step == Step.CLOSED) {
                return total > 0 ? total : -1;
            }
            if (step == Step.NEED_DATA) {
                break;
            }
        }
        return total;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int before = src.remaining();
        int packet = engine.getSession().getPacketBufferSize();
        while (src.hasRemaining()) {
            if (netOut.remaining() < packet && !flush() && netOut.remaining() < packet) {
                break;
            }
            wrap(src);
        }
        flush();
        return before - src.remaining();
    }

    @Override
    public boolean flush() throws IOException {
        if (netOut.position() == 0) {
            return true;
        }
        netOut.flip();
        try {
            channel.write(netOut);
        } catch (SSLException e) {
            throw e;
        } catch (IOException e) {
            throw alertOr(e);
        } finally {
            netOut.compact();
        }
        return netOut.position() == 0;
    }

    @Override
    public boolean isTls() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Sends close_notify if the socket takes it now (a non-blocking best effort), then closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            engine.closeOutbound();
            while (!engine.isOutboundDone() && netOut.hasRemaining()) {
                if (engine.wrap(EMPTY, netOut).bytesProduced() == 0) {
                    break;
                }
            }
            flush();
        } catch (IOException | RuntimeException e) {
            // the socket closes anyway; close_notify is a courtesy
        } finally {
            channel.close();
        }
    }

    private enum Step { PROGRESS, NEED_DATA, CLOSED }

    /**
     * The socket broke, typically because the broker rejected us: with a missing client certificate it sends an
     * alert and closes while we still write (TLS 1.2: mid-handshake; TLS 1.3: right after it). The alert, when it
     * arrived, is the real cause: returns it, or else {@code broken}.
     */
    private IOException alertOr(IOException broken) {
        try {
            for (int i = 0; i < 16 && unwrap() == Step.PROGRESS; i++) {
                // process what the broker sent before it closed; an alert throws
            }
        } catch (SSLException alert) {
            return alert;
        } catch (IOException | RuntimeException unreadable) {
            // nothing more to learn
        }
        return broken;
    }

    private int drainAppIn(ByteBuffer dst) {
        appIn.flip();
        int n = Math.min(appIn.remaining(), dst.remaining());
        ByteBuffer slice = appIn.slice();
        slice.limit(n);
        dst.put(slice);
        appIn.position(appIn.position() + n);
        appIn.compact();
        return n;
    }

    /** One unwrap of buffered ciphertext, reading from the socket when a whole record is not there yet. */
    private Step unwrap() throws IOException {
        netIn.flip();
        SSLEngineResult result;
        try {
            result = engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
        }
        if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            runDelegatedTasks();
        }
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                int packet = engine.getSession().getPacketBufferSize();
                if (netIn.capacity() < packet) {
                    netIn = ByteBuffer.allocate(packet).put(netIn.flip());
                }
                int read = channel.read(netIn);
                if (read < 0) {
                    return Step.CLOSED;
                }
                return read == 0 ? Step.NEED_DATA : Step.PROGRESS;
            }
            case BUFFER_OVERFLOW -> {
                appIn = ByteBuffer.allocate(appIn.position() + engine.getSession().getApplicationBufferSize()).put(appIn.flip());
                return Step.PROGRESS;
            }
            case CLOSED -> {
                return Step.CLOSED;
            }
            default -> {
                return Step.PROGRESS;
            }
        }
    }

    private void wrap(ByteBuffer src) throws IOException {
        SSLEngineResult result = engine.wrap(src, netOut);
        switch (result.getStatus()) {
            case BUFFER_OVERFLOW -> {
                if (!flush()) { // still full: make room beside what waits for the socket
                    netOut = ByteBuffer.allocate(netOut.capacity() + engine.getSession().getPacketBufferSize())
                            .put(netOut.flip());
                }
            }
            case CLOSED -> throw new SSLException("the TLS session is closed");
            default -> {
                if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runDelegatedTasks();
                }
            }
        }
    }

    private void runDelegatedTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
