package io.kafkaex.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrokerLoadTest {

    private static final InetSocketAddress A = InetSocketAddress.createUnresolved("a", 9092);
    private static final InetSocketAddress B = InetSocketAddress.createUnresolved("b", 9092);
    private static final InetSocketAddress C = InetSocketAddress.createUnresolved("c", 9092);

    @Test
    void healthyBrokersComeFirstThenFewerPendingThenReady() {
        List<InetSocketAddress> ordered = BrokerLoad.leastLoadedFirst(List.of(
                new BrokerLoad(A, 0, true, 2),
                new BrokerLoad(B, 3, true, 0),
                new BrokerLoad(C, 0, false, 0)), new Random(1));

        assertThat(ordered).containsExactly(C, B, A);
        assertThat(BrokerLoad.leastLoadedFirst(List.of(new BrokerLoad(A, 1, false, 0), new BrokerLoad(B, 1, true, 0)),
                new Random(1))).as("a ready connection wins at equal load").containsExactly(B, A);
    }

    @Test
    void equalBrokersAreChosenAtRandomSoRequestsSpreadOverTheCluster() {
        Set<InetSocketAddress> firsts = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            firsts.add(BrokerLoad.leastLoadedFirst(List.of(new BrokerLoad(A, 0, true, 0), new BrokerLoad(B, 0, true, 0),
                    new BrokerLoad(C, 0, true, 0)), random).get(0));
        }
        assertThat(firsts).containsExactlyInAnyOrder(A, B, C);
    }
}
