package io.kafkaex.network;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.RequestFrames;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reassembles size-prefixed frames from a non-blocking channel: a 4-byte big-endian size, checked against a
 * maximum before anything is allocated, then that many bytes. Returns a frame only once it is complete; a
 * peer that closes mid-frame is reported as end of stream.
 *
 * <p>Not thread-safe: only the event-loop thread that owns the connection calls it.
 */
final class FrameReader {

    private final int maxFrameBytes;
    private final ByteBuffer size = ByteBuffer.allocate(4);
    private ByteBuffer body;

    FrameReader(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Reads what the channel has; returns the next complete frame body (position 0), or {@code null} when
     * more bytes are needed.
     *
     * @throws EOFException      when the peer closed the connection (mid-frame or between frames)
     * @throws ProtocolException when the announced size is negative or above the maximum
     */
    ByteBuffer read(ReadableByteChannel channel) throws IOException {
        if (body == null) {
            if (channel.read(size) < 0) {
                throw new EOFException(size.position() == 0 ? "The broker closed the connection"
                        : "The broker closed the connection inside a frame's size prefix");
            }
            if (size.hasRemaining()) {
                return null;
            }
            body = ByteBuffer.allocate(RequestFrames.frameSize(size.flip().getInt(), maxFrameBytes));
        }
        if (body.hasRemaining() && channel.read(body) < 0) {
            throw new EOFException("The broker closed the connection after " + body.position() + " of "
                    + body.capacity() + " bytes of a frame");
        }
        if (body.hasRemaining()) {
            return null;
        }
        ByteBuffer frame = body.flip();
        body = null;
        size.clear();
        return frame;
    }
}
