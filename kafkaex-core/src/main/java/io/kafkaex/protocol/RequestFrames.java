package io.kafkaex.protocol;

import io.kafkaex.protocol.message.RequestHeader;
import io.kafkaex.protocol.message.ResponseHeader;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;

/**
 * Frames requests and unframes responses: a 4-byte big-endian size, then the header at the version the API
 * and its version call for, then the body. Pure functions; any thread may call them.
 */
public final class RequestFrames {

    /** Largest response frame accepted unless a caller asks for less: Kafka's default socket request limit. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 100 * 1024 * 1024;

    private RequestFrames() {
    }

    /**
     * The complete frame of a request, size prefix included, ready to be written to a socket.
     *
     * @param clientId may be {@code null} (encoded as the null string)
     */
    public static ByteBuffer request(ApiKey api, short version, int correlationId, String clientId, ProtocolMessage body) {
        return request(api, version, correlationId, clientId, body, ByteBuffer::allocate);
    }

    /**
     * As {@link #request(ApiKey, short, int, String, ProtocolMessage)}, written into a buffer {@code buffers} hands
     * out for the frame's size (position 0, at least that limit); the returned frame is that buffer, flipped.
     */
    public static ByteBuffer request(ApiKey api, short version, int correlationId, String clientId, ProtocolMessage body,
            IntFunction<ByteBuffer> buffers) {
        checkVersion(api, version);
        short headerVersion = api.requestHeaderVersion(version);
        RequestHeader header = new RequestHeader().setRequestApiKey(api.id()).setRequestApiVersion(version)
                .setCorrelationId(correlationId).setClientId(clientId);
        int size = header.size(headerVersion) + body.size(version);
        ByteBuffer frame = buffers.apply(4 + size);
        ProtocolWriter writer = new ProtocolWriter(frame);
        writer.writeInt(size);
        header.write(writer, headerVersion);
        body.write(writer, version);
        return frame.flip();
    }

    /**
     * Reads the response header of a frame whose size prefix was already removed, leaving the returned
     * reader positioned at the body.
     *
     * @throws ProtocolException when the correlation id differs from {@code expectedCorrelationId}
     */
    public static ProtocolReader response(ApiKey api, short version, int expectedCorrelationId, ByteBuffer frame) {
        ProtocolReader reader = new ProtocolReader(frame);
        ResponseHeader header = ResponseHeader.read(reader, api.responseHeaderVersion(version));
        if (header.correlationId() != expectedCorrelationId) {
            throw new ProtocolException("Response correlation id " + header.correlationId() + " does not match request "
                    + expectedCorrelationId + " (" + api.apiName() + " v" + version + ")");
        }
        return reader;
    }

    /**
     * The body size announced by a 4-byte size prefix, checked against {@code maxFrameBytes}.
     *
     * @throws ProtocolException for a negative size or one above the limit
     */
    public static int frameSize(int announced, int maxFrameBytes) {
        if (announced < 0 || announced > maxFrameBytes) {
            throw new ProtocolException("Frame of " + announced + " bytes is outside 0.." + maxFrameBytes
                    + "; the peer does not speak the Kafka protocol or the stream is corrupt");
        }
        return announced;
    }

    private static void checkVersion(ApiKey api, short version) {
        if (version < api.lowestVersion() || version > api.highestVersion()) {
            throw new IllegalArgumentException(api.apiName() + " v" + version + " is outside the versions KafkaEx can encode ("
                    + api.lowestVersion() + ".." + api.highestVersion() + ")");
        }
    }
}
