package io.kafkaex.network;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * The byte transport under a broker connection: plain TCP ({@link PlaintextTransport}) or TLS
 * ({@link TlsTransport}). Non-blocking: every call does what it can now and returns. {@link #read} yields
 * application bytes (decrypted), {@link #write} takes application bytes.
 *
 * <p>Not thread-safe: only the event-loop thread that owns the connection calls it.
 */
interface Transport extends ReadableByteChannel {

    /** What a handshake step needs before it can go on. */
    enum Handshake { DONE, NEED_READ, NEED_WRITE }

    /** Advances the handshake after the TCP connect as far as the socket allows. */
    Handshake handshake() throws IOException;

    /** Takes as much of {@code src} as it can now; returns how many bytes it took. */
    int write(ByteBuffer src) throws IOException;

    /** Writes bytes taken earlier but still buffered; returns whether none are left. */
    boolean flush() throws IOException;

    /** Whether the transport encrypts (for telemetry). */
    boolean isTls();
}
