package io.kafkaex.producer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * One client connection of a {@link ProduceResponseDroppingProxy} and its own connection to the broker: one thread
 * passes the client's request frames to the broker, noting each one's correlation id and whether the
 * {@link ResponseDropRule} in force chose its response; another passes the broker's response frames back, except
 * the chosen ones, after which it closes both connections or passes nothing more on. Ends when either side closes.
 *
 * <p>Its two threads are its own; {@link #open}, {@link #close()}, {@link #join(long)} and {@link #isFinished()} may
 * be called from any thread.
 */
final class ProxiedConnection {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final short PRODUCE_API_KEY = 0;
    /** A request header's start: API key (2 bytes), API version (2) and correlation id (4). */
    private static final int REQUEST_HEADER_START = 8;

    /** A request passed to the broker whose response has not come back yet. */
    private record ForwardedRequest(int correlationId, boolean produce, ResponseDropRule rule, boolean dropResponse) {
    }

    private final Socket client;
    private final Socket broker;
    private final Supplier<ResponseDropRule> ruleInForce;
    private final Queue<ForwardedRequest> awaitingResponse = new ConcurrentLinkedQueue<>();
    private final Thread requests;
    private final Thread responses;

    private ProxiedConnection(Socket client, Socket broker, Supplier<ResponseDropRule> ruleInForce, String threadName) {
        this.client = client;
        this.broker = broker;
        this.ruleInForce = ruleInForce;
        this.requests = new Thread(this::passRequests, threadName + "-requests");
        this.responses = new Thread(this::passResponses, threadName + "-responses");
        requests.setDaemon(true);
        responses.setDaemon(true);
    }

    /**
     * Connects to {@code broker} for the accepted {@code client} and starts passing frames, under the rule
     * {@code ruleInForce} gives at each request; its threads' names begin with {@code threadName}.
     *
     * @throws IOException when the broker cannot be reached; the client's connection is closed then, as a dead
     *                     broker's would be
     */
    static ProxiedConnection open(Socket client, InetSocketAddress broker, Supplier<ResponseDropRule> ruleInForce,
            String threadName) throws IOException {
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(broker, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            throw e;
        }
        ProxiedConnection connection = new ProxiedConnection(client, upstream, ruleInForce, threadName);
        connection.requests.start();
        connection.responses.start();
        return connection;
    }

    /** Closes both connections; the threads end soon after. */
    void close() {
        closeQuietly(client);
        closeQuietly(broker);
    }

    /** Waits up to {@code millis} for each of the two threads to end. */
    void join(long millis) throws InterruptedException {
        requests.join(millis);
        responses.join(millis);
    }

    boolean isFinished() {
        return !requests.isAlive() && !responses.isAlive();
    }

    private void passRequests() {
        try {
            DataInputStream fromClient = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            DataOutputStream toBroker = new DataOutputStream(new BufferedOutputStream(broker.getOutputStream()));
            byte[] frame;
            while ((frame = readFrame(fromClient, REQUEST_HEADER_START)) != null) {
                ByteBuffer header = ByteBuffer.wrap(frame);
                boolean produce = header.getShort(0) == PRODUCE_API_KEY;
                ResponseDropRule rule = ruleInForce.get();
                // noted before the broker can answer, so the response finds it
                awaitingResponse.add(new ForwardedRequest(header.getInt(4), produce, rule, produce && rule.choose()));
                writeFrame(toBroker, frame);
            }
        } catch (IOException e) {
            // a side closed the connection
        } finally {
            close();
        }
    }

    private void passResponses() {
        try {
            DataInputStream fromBroker = new DataInputStream(new BufferedInputStream(broker.getInputStream()));
            DataOutputStream toClient = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
            boolean silent = false;
            byte[] frame;
            while ((frame = readFrame(fromBroker, Integer.BYTES)) != null) {
                ForwardedRequest request = takeRequest(ByteBuffer.wrap(frame).getInt(0));
                if (!silent && !request.dropResponse()) {
                    writeFrame(toClient, frame);
                    continue;
                }
                if (request.produce()) {
                    request.rule().countDropped();
                }
                if (!silent && request.rule().afterDrop() == ResponseDropRule.AfterDrop.CLOSE_CONNECTION) {
                    return;
                }
                silent = true;
            }
        } catch (IOException e) {
            // a side closed the connection
        } finally {
            close();
        }
    }

    /**
     * The request a response with {@code correlationId} answers. Responses come in request order; requests passed
     * over got none (Produce with acks 0).
     */
    private ForwardedRequest takeRequest(int correlationId) throws IOException {
        ForwardedRequest request;
        while ((request = awaitingResponse.poll()) != null) {
            if (request.correlationId() == correlationId) {
                return request;
            }
        }
        throw new IOException("The broker answered correlation id " + correlationId + ", which no request had");
    }

    /** One frame without its size prefix, or {@code null} when the peer closed between frames. */
    private static byte[] readFrame(DataInputStream in, int minimumSize) throws IOException {
        int size;
        try {
            size = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (size < minimumSize) {
            throw new IOException("A frame of " + size + " bytes is too short for a Kafka header");
        }
        byte[] frame = new byte[size];
        in.readFully(frame);
        return frame;
    }

    private static void writeFrame(DataOutputStream out, byte[] frame) throws IOException {
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
