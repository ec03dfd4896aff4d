package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.message.MetadataRequest;
import io.kafkaex.protocol.message.MetadataResponse;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fault injection: a local server that misbehaves in one way each. The client must close the connection,
 * fail the request with a clear error within its deadline, and leak no thread.
 */
class NetworkClientFaultTest {

    private static final NetworkOptions OPTIONS = new NetworkOptions("fault-test", 1024 * 1024, 5,
            Duration.ofMillis(700), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(1));

    private final NetworkClient client = new NetworkClient(OPTIONS);
    private ServerSocket server;

    @AfterEach
    void tearDown() throws IOException {
        client.close();
        assertThat(client.isRunning()).as("event-loop thread ended").isFalse();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void refusedConnectionNamesTheAddress() throws IOException {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        assertThatThrownBy(() -> metadata(new InetSocketAddress("127.0.0.1", port)))
                .isInstanceOf(BrokerConnectionException.class).hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void silentServerFailsTheConnectionAtItsDeadline() throws Exception {
        InetSocketAddress address = serve(socket -> sleepQuietly(5_000));
        long start = System.nanoTime();
        assertThatThrownBy(() -> metadata(address)).isInstanceOf(BrokerConnectionException.class)
                .hasMessageContaining("no connection within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void oversizedFrameClosesTheConnection() throws Exception {
        InetSocketAddress address = serve(socket -> {
            readFrame(socket);
            new DataOutputStream(socket.getOutputStream()).writeInt(Integer.MAX_VALUE);
            sleepQuietly(2_000);
        });
        assertThatThrownBy(() -> metadata(address)).isInstanceOf(BrokerConnectionException.class)
                .hasMessageContaining("Frame of 2147483647 bytes");
    }

    @Test
    void wrongCorrelationIdClosesTheConnection() throws Exception {
        InetSocketAddress address = serve(socket -> {
            int correlationId = readFrame(socket);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(8);
            out.writeInt(correlationId + 1);
            out.writeShort(0);
            out.writeShort(0);
            sleepQuietly(2_000);
        });
        assertThatThrownBy(() -> metadata(address)).isInstanceOf(BrokerConnectionException.class)
                .hasMessageContaining("correlation id");
    }

    @Test
    void serverClosingMidFrameFailsTheRequest() throws Exception {
        InetSocketAddress address = serve(socket -> {
            readFrame(socket);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(100);
            out.write(new byte[10]);
            out.flush();
        });
        assertThatThrownBy(() -> metadata(address)).isInstanceOf(BrokerConnectionException.class)
                .hasMessageContaining("10 of 100 bytes");
    }

    @Test
    void closeFailsPendingRequestsAndEndsTheThread() throws Exception {
        InetSocketAddress address = serve(socket -> sleepQuietly(5_000));
        CompletableFuture<MetadataResponse> pending = client.send(address, TrafficClass.OTHER, metadataSpec(Duration.ofSeconds(30)));

        client.close();

        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(BrokerConnectionException.class)
                .hasMessageContaining("closed");
        assertThat(client.isRunning()).isFalse();
        assertThat(client.send(address, TrafficClass.OTHER, metadataSpec(Duration.ofSeconds(1)))).isCompletedExceptionally();
    }

    private MetadataResponse metadata(InetSocketAddress address) throws Exception {
        try {
            return client.send(address, TrafficClass.OTHER, metadataSpec(Duration.ofSeconds(5))).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    static io.kafkaex.network.RequestSpec<MetadataResponse> metadataSpec(Duration timeout) {
        return new RequestSpec<>(ApiKey.METADATA, version -> new MetadataRequest(), MetadataResponse::read, timeout);
    }

    /** Accepts one connection at a time and hands it to {@code behaviour}, on a daemon thread. */
    private InetSocketAddress serve(SocketBehaviour behaviour) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    behaviour.handle(socket);
                } catch (IOException e) {
                    return;
                }
            }
        }, "fault-server");
        thread.setDaemon(true);
        thread.start();
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    /** Reads one request frame and returns its correlation id. */
    private static int readFrame(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        return java.nio.ByteBuffer.wrap(frame).getInt(4);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface SocketBehaviour {
        void handle(Socket socket) throws IOException;
    }
}
