package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NetworkClient#status()}: what the event loop publishes about its brokers, read without waiting for it.
 */
class NetworkStatusTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final NetworkClient client = new NetworkClient(new NetworkOptions("status-test", 1024 * 1024, 5,
            Duration.ofMillis(700), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(1)));
    private MisbehavingBroker broker;

    @AfterEach
    void close() {
        client.close();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void beforeAnyConnectionNoBrokerIsKnownAndNoneCountsAsUnreachable() {
        NetworkStatus status = client.status();

        assertThat(status).isEqualTo(NetworkStatus.NOT_CONNECTED);
        assertThat(status.noBrokerReachable()).isFalse();
    }

    @Test
    void aRefusedConnectionMakesItsBrokerUnreachable() throws IOException, InterruptedException {
        InetSocketAddress refusing = refusingAddress();

        client.send(refusing, TrafficClass.OTHER, metadataSpec(Duration.ofSeconds(2)));

        NetworkStatus status = eventually(s -> !s.unreachableBrokers().isEmpty());
        assertThat(status.unreachableBrokers()).containsOnlyKeys(refusing);
        assertThat(status.unreachableBrokers().get(refusing)).contains("Connection refused");
        assertThat(status.noBrokerReachable()).isTrue();
        assertThat(status.authenticationFailure()).isNull();
    }

    @Test
    void aReadyConnectionMakesItsBrokerReachableAndCountsTheRequestAwaitingItsAnswer() throws InterruptedException {
        broker = MisbehavingBroker.start(Misbehaviour.NEVER_ANSWER);

        client.send(broker.address(), TrafficClass.OTHER, metadataSpec(Duration.ofSeconds(30)));

        NetworkStatus status = eventually(s -> s.requestsInFlight() == 1 && !s.reachableBrokers().isEmpty());
        assertThat(status.reachableBrokers()).containsExactly(broker.address());
        assertThat(status.unreachableBrokers()).isEmpty();
        assertThat(status.openConnections()).isEqualTo(1);
        assertThat(client.requestsInFlight()).isEqualTo(1);
    }

    @Test
    void aConnectionTheBrokerBreaksMakesItUnreachableAgain() throws InterruptedException {
        broker = MisbehavingBroker.start(Misbehaviour.HALF_FRAME_THEN_CLOSE);

        client.send(broker.address(), TrafficClass.OTHER, metadataSpec(Duration.ofSeconds(5)));

        NetworkStatus status = eventually(s -> !s.unreachableBrokers().isEmpty());
        assertThat(status.reachableBrokers()).isEmpty();
        assertThat(status.unreachableBrokers()).containsOnlyKeys(broker.address());
        assertThat(status.noBrokerReachable()).isTrue();
        assertThat(status.requestsInFlight()).isZero();
    }

    @Test
    void aClosedClientSaysSoAndHasNothingInFlight() throws InterruptedException {
        broker = MisbehavingBroker.start(Misbehaviour.NEVER_ANSWER);
        client.send(broker.address(), TrafficClass.OTHER, metadataSpec(Duration.ofSeconds(30)));
        eventually(s -> s.requestsInFlight() == 1 && !s.reachableBrokers().isEmpty());

        client.close();

        assertThat(client.status().closed()).isTrue();
        assertThat(client.status().requestsInFlight()).isZero();
        assertThat(client.status().openConnections()).isZero();
        assertThat(client.status().reachableBrokers()).as("a shutdown says nothing about reachability")
                .containsExactly(broker.address());
    }

    private NetworkStatus eventually(Predicate<NetworkStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        NetworkStatus status = client.status();
        while (!condition.test(status) && System.nanoTime() - deadline < 0) {
            Thread.sleep(5); // polls the condition; the deadline only bounds the wait
            status = client.status();
        }
        assertThat(status).matches(condition, "the awaited status within " + PATIENCE);
        return status;
    }

    private static InetSocketAddress refusingAddress() throws IOException {
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress("127.0.0.1", unused.getLocalPort());
        }
    }

    private static RequestSpec<MetadataResponse> metadataSpec(Duration timeout) {
        return new RequestSpec<>(ApiKey.METADATA, version -> new MetadataRequest(), MetadataResponse::read, timeout);
    }
}
