package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.message.ApiVersionsRequest;
import io.kafkaex.protocol.message.ApiVersionsResponse;
import io.kafkaex.security.tls.TestTlsOptions;
import io.kafkaex.security.tls.TlsOptions;
import io.kafkaex.test.TestTls;
import io.kafkaex.telemetry.Telemetry;
import io.kafkaex.test.internal.CertificateAuthority;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TlsTransport} against a blocking JDK TLS echo server on 127.0.0.1 with the harness' broker certificate:
 * the handshake driven by a selector, 3 MiB each way (many records, partial writes), and close_notify wrapped
 * on close. And a {@link NetworkClient} against such a server presenting an expired certificate.
 */
class TlsTransportTest {

    private static final int SIZE = 3 << 20;
    private static TestTls tls;

    @BeforeAll
    static void material() {
        tls = CertificateAuthority.shared();
    }

    @ParameterizedTest
    @ValueSource(strings = {TlsOptions.TLS_1_3, TlsOptions.TLS_1_2})
    void bytesCrossIntactBothWaysAndCloseWrapsCloseNotify(String protocol) throws Exception {
        byte[] payload = new byte[SIZE];
        new Random(7).nextBytes(payload);
        try (SSLServerSocket server = serverSocket(tls.brokerKeyStore()); Selector selector = Selector.open()) {
            CompletableFuture<Boolean> endOfStreamSeen = CompletableFuture.supplyAsync(() -> echoOnce(server));
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            channel.configureBlocking(false);
            SelectionKey key = channel.register(selector, 0);
            SSLEngine engine = TestTlsOptions.trusting(tls).protocols(protocol).build().newEngine("127.0.0.1", server.getLocalPort());
            TlsTransport transport = new TlsTransport(channel, engine);

            Transport.Handshake step;
            while ((step = transport.handshake()) != Transport.Handshake.DONE) {
                key.interestOps(step == Transport.Handshake.NEED_READ ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
                assertThat(selector.select(5_000)).as("socket ready during the handshake").isPositive();
                selector.selectedKeys().clear();
            }
            ByteBuffer out = ByteBuffer.wrap(payload);
            ByteBuffer in = ByteBuffer.allocate(SIZE);
            while (out.hasRemaining() || !transport.flush() || in.hasRemaining()) {
                if (out.hasRemaining()) {
                    transport.write(out);
                }
                if (transport.read(in) < 0) {
                    break;
                }
                key.interestOps(SelectionKey.OP_READ | (out.hasRemaining() ? SelectionKey.OP_WRITE : 0));
                selector.select(100);
                selector.selectedKeys().clear();
            }
            transport.close();

            assertThat(in.flip()).isEqualTo(ByteBuffer.wrap(payload));
            assertThat(engine.isOutboundDone()).as("close_notify wrapped").isTrue();
            assertThat(endOfStreamSeen.get(10, TimeUnit.SECONDS)).as("server read the end of the stream").isTrue();
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void anExpiredBrokerCertificateFailsTheConnectionSayingSo() throws Exception {
        try (SSLServerSocket server = serverSocket(tls.expiredBrokerKeyStore());
                NetworkClient client = new NetworkClient(NetworkOptions.defaults("tls-expired"), Telemetry.noop(),
                        ConnectionAuthenticator.NONE, TestTlsOptions.trusting(tls).build())) {
            CompletableFuture.runAsync(() -> handshakeOnce(server));
            RequestSpec<ApiVersionsResponse> anyRequest = new RequestSpec<>(ApiKey.API_VERSIONS,
                    version -> new ApiVersionsRequest(), ApiVersionsResponse::read, Duration.ofSeconds(5));

            Throwable failure = catchThrowable(() -> client.send(new InetSocketAddress("127.0.0.1", server.getLocalPort()),
                    TrafficClass.OTHER, anyRequest).get(10, TimeUnit.SECONDS));

            assertThat(failure).hasRootCauseInstanceOf(CertificateExpiredException.class);
            TlsHandshakeException handshake = (TlsHandshakeException) failure.getCause().getCause();
            assertThat(handshake.reason()).isEqualTo(TlsHandshakeException.Reason.EXPIRED_CERTIFICATE);
            assertThat(handshake).hasMessageContaining("has expired or is not yet valid");
        }
    }

    /** Accepts one connection and runs the server side of its handshake, which the client aborts. */
    private static void handshakeOnce(SSLServerSocket server) {
        try (SSLSocket socket = (SSLSocket) server.accept()) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
        } catch (IOException expected) {
            // the client refuses the certificate
        }
    }

    /** Echoes {@link #SIZE} bytes, then returns whether the next read sees the end of the stream. */
    private static boolean echoOnce(SSLServerSocket server) {
        try (SSLSocket socket = (SSLSocket) server.accept()) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] received = new byte[SIZE];
            new DataInputStream(in).readFully(received);
            out.write(received);
            out.flush();
            return in.read() == -1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLServerSocket serverSocket(Path keyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance(TestTls.STORE_TYPE);
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, tls.password().toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, tls.password().toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }
}
