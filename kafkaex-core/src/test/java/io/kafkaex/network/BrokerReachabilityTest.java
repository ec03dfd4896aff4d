package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.telemetry.ConnectionCloseReason;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrokerReachabilityTest {

    private static final InetSocketAddress BROKER = InetSocketAddress.createUnresolved("kafka-1", 9092);
    private final BrokerReachability reachability = new BrokerReachability();

    @Test
    void publishesOnlyWhenSomethingChanged() {
        assertThat(reachability.snapshotIfChanged(0, 0)).isNull();

        reachability.connected(BROKER);

        assertThat(reachability.snapshotIfChanged(1, 2)).isEqualTo(
                new NetworkStatus(Set.of(BROKER), Map.of(), 1, null, 2, false));
        assertThat(reachability.snapshotIfChanged(1, 2)).isNull();
    }

    @Test
    void anIdleOrShutdownCloseKeepsTheBrokerReachable() {
        reachability.connected(BROKER);

        reachability.closed(BROKER, ConnectionCloseReason.IDLE, null, false);
        reachability.closed(BROKER, ConnectionCloseReason.SHUTDOWN, null, false);

        assertThat(reachability.snapshotIfChanged(0, 0).reachableBrokers()).containsExactly(BROKER);
    }

    @Test
    void aBrokenConnectionDoesNotCountWhileAnotherToTheSameBrokerIsReady() {
        reachability.connected(BROKER);

        reachability.closed(BROKER, ConnectionCloseReason.TIMEOUT, new RuntimeException("slow"), true);

        assertThat(reachability.snapshotIfChanged(1, 0).noBrokerReachable()).isFalse();
    }

    @Test
    void anAuthenticationRefusalIsKeptUntilAConnectionAuthenticates() {
        RuntimeException refused = new RuntimeException("bad password");

        reachability.closed(BROKER, ConnectionCloseReason.AUTH_ERROR, refused, false);
        NetworkStatus failed = reachability.snapshotIfChanged(0, 0);
        reachability.connected(BROKER);
        NetworkStatus recovered = reachability.snapshotIfChanged(1, 0);

        assertThat(failed.authenticationFailure()).isSameAs(refused);
        assertThat(failed.unreachableBrokers()).containsEntry(BROKER, "AUTH_ERROR: bad password");
        assertThat(recovered.authenticationFailure()).isNull();
        assertThat(recovered.unreachableBrokers()).isEmpty();
    }

    @Test
    void everyReasonIsEitherAFailureOrNot() {
        assertThat(ConnectionCloseReason.values()).filteredOn(BrokerReachability::isFailure).containsExactlyInAnyOrder(
                ConnectionCloseReason.REMOTE_CLOSED, ConnectionCloseReason.TIMEOUT, ConnectionCloseReason.SEND_ERROR,
                ConnectionCloseReason.RECEIVE_ERROR, ConnectionCloseReason.INIT_ERROR, ConnectionCloseReason.AUTH_ERROR);
    }
}
