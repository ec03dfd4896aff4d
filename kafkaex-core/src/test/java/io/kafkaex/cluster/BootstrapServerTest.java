package io.kafkaex.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class BootstrapServerTest {

    @Test
    void parsesNamesIpv4AndBracketedIpv6() {
        assertThat(BootstrapServer.parseList(" kafka-1:9092, 10.0.0.2:9093 ,[::1]:9094,"))
                .containsExactly(new BootstrapServer("kafka-1", 9092), new BootstrapServer("10.0.0.2", 9093),
                        new BootstrapServer("::1", 9094));
        assertThat(new BootstrapServer("::1", 9094)).hasToString("[::1]:9094");
    }

    @Test
    void rejectsWhatIsNotHostAndPortNamingTheEntry() {
        assertThatThrownBy(() -> BootstrapServer.parseList("")).hasMessageContaining("No bootstrap servers");
        assertThatThrownBy(() -> BootstrapServer.parseList("kafka-1")).hasMessageContaining("'kafka-1' is not host:port");
        assertThatThrownBy(() -> BootstrapServer.parseList("kafka-1:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> BootstrapServer.parseList("kafka-1:0")).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> BootstrapServer.parseList("::1:9092")).hasMessageContaining("[address]:port");
    }

    @Test
    void resolvesEveryAddressOfANameNow() throws Exception {
        assertThat(new BootstrapServer("127.0.0.1", 9092).resolve())
                .containsExactly(new InetSocketAddress("127.0.0.1", 9092));
        assertThat(new BootstrapServer("localhost", 9092).resolve()).isNotEmpty()
                .allSatisfy(address -> assertThat(address.getAddress().isLoopbackAddress()).isTrue());
    }
}
