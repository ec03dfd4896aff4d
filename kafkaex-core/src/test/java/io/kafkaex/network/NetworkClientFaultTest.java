package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.message.MetadataRequest;
import io.kafkaex.protocol.message.MetadataResponse;
import io.kafkaex.test.fault.MisbehavingBroker;
import io.kafkaex.test.fault.Misbehaviour;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault injection with {@link MisbehavingBroker}: the client gets ready (the fake answers ApiVersions), then its
 * request meets one misbehaviour. Each time the request fails with the specific error before its deadline,
 * the connection is closed, and neither the client's event-loop thread nor any socket outlives the client.
 */
class NetworkClientFaultTest {

    private static final String CLIENT_ID = "fault-test";
    private static final String EVENT_LOOP_THREAD = "kafkaex-network-" + CLIENT_ID;
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(700);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    /** How long the test waits for an outcome due within the timeouts above; ample, not measured. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private OpenResources before;
    private NetworkClient client;
    private MisbehavingBroker broker;

    /**
     * The JDK opens a few descriptors once per JVM on first use (such as the socket it duplicates over a socket
     * that another thread is blocked on, to close it): one fault before the first count keeps them out of it.
     */
    @BeforeAll
    static void letTheJdkOpenItsOwnDescriptors() {
        try (MisbehavingBroker silent = MisbehavingBroker.start(Misbehaviour.NEVER_ANSWER);
                NetworkClient warmUp = new NetworkClient(options(1))) {
            assertThat(warmUp.send(silent.address(), TrafficClass.OTHER, metadataSpec(Duration.ofMillis(100))))
                    .failsWithin(PATIENCE);
        }
    }

    @BeforeEach
    void countResources() {
        before = OpenResources.now(EVENT_LOOP_THREAD);
        client = new NetworkClient(options(NetworkOptions.DEFAULT_MAX_IN_FLIGHT));
        assertThat(OpenResources.now(EVENT_LOOP_THREAD)).as("the counts see the client's thread and selector")
                .satisfies(open -> assertThat(open.threads()).isEqualTo(before.threads() + 1))
                .satisfies(open -> assertThat(open.descriptors()).isGreaterThan(before.descriptors()));
    }

    @AfterEach
    void closeAndCheckForLeaks() {
        client.close();
        if (broker != null) {
            broker.close();
        }
        assertThat(client.isRunning()).as("event-loop thread ended").isFalse();
        assertThat(OpenResources.now(EVENT_LOOP_THREAD)).as("threads and sockets after close").isEqualTo(before);
    }

    static Stream<Arguments> requestsInFlight() {
        return Stream.of(
                arguments(Misbehaviour.GARBAGE, BrokerConnectionException.class, "the peer does not speak the Kafka protocol"),
                arguments(Misbehaviour.WRONG_CORRELATION_ID, BrokerConnectionException.class, "does not match request"),
                arguments(Misbehaviour.OVERSIZED_FRAME, BrokerConnectionException.class, "Frame of 2147483647 bytes is outside"),
                arguments(Misbehaviour.HALF_FRAME_THEN_CLOSE, BrokerConnectionException.class,
                        "after " + MisbehavingBroker.HALF_FRAME_BYTES_SENT + " of " + MisbehavingBroker.HALF_FRAME_SIZE + " bytes"),
                arguments(Misbehaviour.HALF_FRAME_THEN_SILENCE, RequestTimeoutException.class, "got no response in time"),
                arguments(Misbehaviour.NEVER_ANSWER, RequestTimeoutException.class, "got no response in time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsInFlight")
    void aRequestInFlightFailsWithTheSpecificErrorAndTheConnectionCloses(Misbehaviour misbehaviour,
            Class<? extends Exception> error, String message) {
        broker = MisbehavingBroker.start(misbehaviour);

        assertFailure(metadata(REQUEST_TIMEOUT)).isExactlyInstanceOf(error).hasMessageContaining(message)
                .hasMessageContaining(broker.bootstrapServers());
        assertThat(broker.receivedApiKeys()).as("the fault hit the real request, after ApiVersions")
                .endsWith(ApiKey.API_VERSIONS.id(), ApiKey.METADATA.id());
        assertThat(client.connectionCount()).isZero();
    }

    @Test
    void aConnectionClosedOnAcceptFailsTheRequestAsNotSent() {
        broker = MisbehavingBroker.start(Misbehaviour.CLOSE_ON_ACCEPT);

        assertFailure(metadata(REQUEST_TIMEOUT)).isInstanceOf(RequestNotSentException.class)
                .hasMessageContaining(broker.bootstrapServers());
        assertThat(broker.receivedApiKeys()).isEmpty();
        assertThat(client.connectionCount()).isZero();
    }

    @Test
    void aBrokerThatNeverAnswersApiVersionsFailsTheRequestAsNotSentAtTheConnectDeadline() {
        broker = MisbehavingBroker.builder(Misbehaviour.NEVER_ANSWER).answerApiVersions(false).start();

        assertFailure(metadata(Duration.ofSeconds(5))).isInstanceOf(RequestNotSentException.class)
                .hasMessageContaining(broker.bootstrapServers()).hasMessageContaining("no connection within " + CONNECT_TIMEOUT);
        assertThat(client.connectionCount()).isZero();
    }

    @Test
    void aRequestWhoseDeadlinePassesBeforeTheConnectionIsReadyFailsAsNotSent() {
        broker = MisbehavingBroker.builder(Misbehaviour.NEVER_ANSWER).answerApiVersions(false).start();

        assertFailure(metadata(Duration.ofMillis(200))).isInstanceOf(RequestNotSentException.class)
                .hasMessageContaining(broker.bootstrapServers()).hasMessageContaining("could not be sent within PT0.2S")
                .hasCauseInstanceOf(RequestTimeoutException.class);
    }

    @Test
    void aRefusedConnectionFailsTheRequestAsNotSentNamingTheAddress() throws IOException {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        CompletableFuture<MetadataResponse> refused = client.send(new InetSocketAddress("127.0.0.1", port), TrafficClass.OTHER,
                metadataSpec(REQUEST_TIMEOUT));

        assertFailure(refused).isInstanceOf(RequestNotSentException.class).hasMessageContaining("127.0.0.1:" + port);
        assertThat(client.connectionCount()).isZero();
    }

    @Test
    void whenTheConnectionBreaksTheRequestInFlightIsLostAndTheOneWaitingIsNotSent() {
        client.close();
        client = new NetworkClient(options(1));
        broker = MisbehavingBroker.start(Misbehaviour.HALF_FRAME_THEN_CLOSE);

        CompletableFuture<MetadataResponse> inFlight = metadata(REQUEST_TIMEOUT);
        CompletableFuture<MetadataResponse> waiting = metadata(REQUEST_TIMEOUT);

        assertFailure(inFlight).isExactlyInstanceOf(BrokerConnectionException.class).hasMessageContaining("closed the connection");
        assertFailure(waiting).isInstanceOf(RequestNotSentException.class).hasMessageContaining("request not sent")
                .hasMessageContaining("closed the connection");
        assertThat(broker.receivedApiKeys()).as("one Metadata request reached the broker")
                .filteredOn(key -> key == ApiKey.METADATA.id()).hasSize(1);
    }

    @Test
    void closeFailsPendingRequestsAndEndsTheThread() throws Exception {
        broker = MisbehavingBroker.start(Misbehaviour.NEVER_ANSWER);
        CompletableFuture<MetadataResponse> pending = metadata(Duration.ofSeconds(30));
        CompletableFuture<BrokerApiVersions> ready = client.apiVersions(broker.address());
        ready.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        client.close();

        assertFailure(pending).isInstanceOf(BrokerConnectionException.class).hasMessageContaining("the client was closed");
        assertThat(client.isRunning()).isFalse();
        assertThat(client.send(broker.address(), TrafficClass.OTHER, metadataSpec(REQUEST_TIMEOUT))).isCompletedExceptionally();
    }

    private CompletableFuture<MetadataResponse> metadata(Duration timeout) {
        return client.send(broker.address(), TrafficClass.OTHER, metadataSpec(timeout));
    }

    static RequestSpec<MetadataResponse> metadataSpec(Duration timeout) {
        return new RequestSpec<>(ApiKey.METADATA, version -> new MetadataRequest(), MetadataResponse::read, timeout);
    }

    /** The failure of {@code future}, which must come within {@link #PATIENCE}. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertFailure(CompletableFuture<?> future) {
        return assertThatThrownBy(() -> future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).cause();
    }

    private static NetworkOptions options(int maxInFlight) {
        return new NetworkOptions(CLIENT_ID, 1024 * 1024, maxInFlight, CONNECT_TIMEOUT, Duration.ofMillis(10),
                Duration.ofMillis(50), Duration.ofMinutes(1));
    }
}
