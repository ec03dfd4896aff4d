package io.kafkaex.test.fault;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The little of the Kafka wire format a {@link MisbehavingBroker} needs: a request frame's size prefix and the
 * start of its header (API key, version, correlation id), and a complete ApiVersions v0 response.
 *
 * <p>Stateless; any thread may call it.
 */
final class FakeWire {

    static final short API_VERSIONS = 18;
    /** Kafka's UNSUPPORTED_VERSION error code. */
    static final short UNSUPPORTED_VERSION = 35;
    /** The API keys offered: more than Kafka defines, so a client finds every API it knows. */
    static final short OFFERED_API_KEYS = 100;

    private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private FakeWire() {
    }

    /** The start of a request header. */
    record Request(short apiKey, short apiVersion, int correlationId) {
    }

    /**
     * Reads one request frame and returns the start of its header, or {@code null} when the client closed the
     * connection between frames.
     *
     * @throws IOException when the frame is cut off or its size is implausible
     */
    static Request readRequest(DataInputStream in) throws IOException {
        int size;
        try {
            size = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (size < 8 || size > MAX_REQUEST_BYTES) {
            throw new IOException("Request frame of " + size + " bytes");
        }
        byte[] frame = new byte[size];
        in.readFully(frame);
        ByteBuffer header = ByteBuffer.wrap(frame);
        return new Request(header.getShort(0), header.getShort(2), header.getInt(4));
    }

    /**
     * The answer of a broker that supports ApiVersions v0 only: to v0 the list of APIs; to a later version
     * UNSUPPORTED_VERSION with the same list in the v0 format, after which a client asks again at v0 (KIP-511).
     * Every API but ApiVersions is offered at versions 0 to {@link Short#MAX_VALUE}, so a client uses its own
     * highest version.
     */
    static byte[] apiVersionsResponse(Request request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(request.correlationId());
            out.writeShort(request.apiVersion() == 0 ? 0 : UNSUPPORTED_VERSION);
            out.writeInt(OFFERED_API_KEYS);
            for (short key = 0; key < OFFERED_API_KEYS; key++) {
                out.writeShort(key);
                out.writeShort(0);
                out.writeShort(key == API_VERSIONS ? 0 : Short.MAX_VALUE);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write to memory", e);
        }
        byte[] body = bytes.toByteArray();
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }
}
