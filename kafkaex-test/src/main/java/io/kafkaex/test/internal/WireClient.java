package io.kafkaex.test.internal;

import io.kafkaex.test.ClusterMetadata;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A deliberately small, blocking Kafka wire client the harness uses to probe listeners, create topics and
 * read metadata. It is independent of kafkaex-core on purpose: the harness checks the client under test,
 * so it must not share that client's code. It speaks only fixed, non-flexible versions every supported
 * broker (3.x and 4.x) accepts: ApiVersions v0, Metadata v4 and CreateTopics v4.
 *
 * <p>Not thread-safe: one thread uses an instance, then closes it.
 */
public final class WireClient implements Closeable {

    private static final short API_VERSIONS = 18;
    private static final short METADATA = 3;
    private static final short CREATE_TOPICS = 19;
    private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private int nextCorrelationId;

    private WireClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    /**
     * Connects to {@code host:port}, over TLS when {@code tls} is not {@code null}.
     *
     * @param timeoutMillis connect and read timeout
     */
    public static WireClient connect(String host, int port, SSLContext tls, int timeoutMillis) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            if (tls == null) {
                return new WireClient(plain);
            }
            SSLSocket secure = (SSLSocket) tls.getSocketFactory()
                    .createSocket(plain, host, port, true);
            secure.startHandshake();
            return new WireClient(secure);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** The API versions the broker supports, keyed by API key: {@code [min, max]}. */
    public Map<Short, short[]> apiVersions() throws IOException {
        ByteBuffer response = roundTrip(API_VERSIONS, (short) 0, new Encoder());
        short error = response.getShort();
        if (error != 0) {
            throw new IOException("ApiVersions failed with error code " + error);
        }
        int count = arrayLength(response);
        Map<Short, short[]> versions = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            versions.put(response.getShort(), new short[] {response.getShort(), response.getShort()});
        }
        return versions;
    }

    /** Cluster metadata for {@code topics} (all topics when empty), without creating missing topics. */
    public ClusterMetadata metadata(List<String> topics) throws IOException {
        Encoder body = new Encoder();
        if (topics.isEmpty()) {
            body.int32(-1);
        } else {
            body.int32(topics.size());
            topics.forEach(body::string);
        }
        body.bool(false);
        ByteBuffer response = roundTrip(METADATA, (short) 4, body);
        response.getInt(); // throttle time
        List<ClusterMetadata.Broker> brokers = new ArrayList<>();
        for (int i = arrayLength(response); i > 0; i--) {
            brokers.add(new ClusterMetadata.Broker(response.getInt(), string(response), response.getInt()));
            string(response); // rack
        }
        string(response); // cluster id
        int controllerId = response.getInt();
        List<ClusterMetadata.Partition> partitions = new ArrayList<>();
        List<ClusterMetadata.TopicError> topicErrors = new ArrayList<>();
        for (int t = arrayLength(response); t > 0; t--) {
            short topicError = response.getShort();
            String name = string(response);
            response.get(); // is internal
            if (topicError != 0) {
                topicErrors.add(new ClusterMetadata.TopicError(name, topicError));
            }
            for (int p = arrayLength(response); p > 0; p--) {
                short partitionError = response.getShort();
                int index = response.getInt();
                int leader = response.getInt();
                List<Integer> replicas = int32Array(response);
                List<Integer> isr = int32Array(response);
                partitions.add(new ClusterMetadata.Partition(name, index, partitionError, leader, replicas, isr));
            }
        }
        return new ClusterMetadata(brokers, controllerId, partitions, topicErrors);
    }

    /**
     * Creates a topic and waits for the controller to accept it.
     *
     * @throws IOException when the broker answers with an error (its code and message are in the text)
     */
    public void createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs,
            int timeoutMillis) throws IOException {
        Encoder body = new Encoder();
        body.int32(1);
        body.string(name);
        body.int32(partitions);
        body.int16(replicationFactor);
        body.int32(0); // no manual assignments
        body.int32(configs.size());
        configs.forEach((key, value) -> {
            body.string(key);
            body.string(value);
        });
        body.int32(timeoutMillis);
        body.bool(false); // validate only
        ByteBuffer response = roundTrip(CREATE_TOPICS, (short) 4, body);
        response.getInt(); // throttle time
        for (int i = arrayLength(response); i > 0; i--) {
            String topic = string(response);
            short error = response.getShort();
            String message = string(response);
            if (error != 0) {
                throw new IOException("CreateTopics " + topic + " failed with error code " + error
                        + (message == null ? "" : ": " + message));
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private ByteBuffer roundTrip(short apiKey, short apiVersion, Encoder body) throws IOException {
        int correlationId = nextCorrelationId++;
        Encoder header = new Encoder();
        header.int16(apiKey);
        header.int16(apiVersion);
        header.int32(correlationId);
        header.string("kafkaex-test-harness");
        byte[] headerBytes = header.toByteArray();
        byte[] bodyBytes = body.toByteArray();
        out.writeInt(headerBytes.length + bodyBytes.length);
        out.write(headerBytes);
        out.write(bodyBytes);
        out.flush();

        int size = in.readInt();
        if (size < 4 || size > MAX_RESPONSE_BYTES) {
            throw new IOException("Broker sent a response frame of " + size + " bytes");
        }
        byte[] frame = new byte[size];
        in.readFully(frame);
        ByteBuffer response = ByteBuffer.wrap(frame);
        int answered = response.getInt();
        if (answered != correlationId) {
            throw new IOException("Response correlation id " + answered + " does not match request " + correlationId);
        }
        return response;
    }

    private static int arrayLength(ByteBuffer buffer) throws IOException {
        int length = buffer.getInt();
        if (length < 0) {
            return 0;
        }
        if (length > buffer.remaining()) {
            throw new IOException("Array of " + length + " elements exceeds the " + buffer.remaining() + " bytes left");
        }
        return length;
    }

    private static List<Integer> int32Array(ByteBuffer buffer) throws IOException {
        List<Integer> values = new ArrayList<>();
        for (int i = arrayLength(buffer); i > 0; i--) {
            values.add(buffer.getInt());
        }
        return values;
    }

    private static String string(ByteBuffer buffer) throws IOException {
        short length = buffer.getShort();
        if (length < 0) {
            return null;
        }
        if (length > buffer.remaining()) {
            throw new IOException("String of " + length + " bytes exceeds the " + buffer.remaining() + " bytes left");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Appends big-endian primitives of the classic (non-flexible) Kafka encoding. */
    private static final class Encoder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream data = new DataOutputStream(bytes);

        void int16(short value) {
            write(() -> data.writeShort(value));
        }

        void int32(int value) {
            write(() -> data.writeInt(value));
        }

        void bool(boolean value) {
            write(() -> data.writeBoolean(value));
        }

        void string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            write(() -> {
                data.writeShort(utf8.length);
                data.write(utf8);
            });
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }

        private void write(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write to memory", e);
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
