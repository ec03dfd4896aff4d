package io.kafkaex.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.test.BrokerListener;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodePortsTest {

    @Test
    void portsAreDistinctAndBelowTheEphemeralRangeWhereTheKernelNamesIt() {
        int firstEphemeral = NodePorts.firstEphemeralPort();
        Set<Integer> seen = new HashSet<>();
        for (int node = 0; node < 20; node++) {
            NodePorts ports = NodePorts.allocate(Set.of(BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT));
            for (int port : List.of(ports.internal(), ports.controller(), ports.port(BrokerListener.PLAINTEXT),
                    ports.port(BrokerListener.SASL_PLAINTEXT))) {
                assertThat(seen.add(port)).as("port %s handed out once", port).isTrue();
                if (firstEphemeral > NodePorts.LOWEST_PORT) {
                    assertThat(port).isBetween(NodePorts.LOWEST_PORT, firstEphemeral - 1);
                }
            }
        }
    }
}
