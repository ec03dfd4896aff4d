package io.kafkaex.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.NetworkOptions;
import io.kafkaex.network.RequestNotSentException;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bootstrap against a real broker: dead addresses are skipped, and when all fail every attempt is listed. */
@KafkaExBroker
class BootstrapIT {

    private static final String TOPIC = "bootstrap-it";

    @Test
    void skipsDeadAddressesAndReadsTheClusterFromTheFirstThatAnswers(KafkaTestCluster cluster) throws Exception {
        cluster.createTopic(TOPIC, 3, 1);
        int dead = unusedPort();
        try (NetworkClient network = new NetworkClient(NetworkOptions.defaults("bootstrap-it"))) {
            Bootstrap bootstrap = new Bootstrap(network,
                    BootstrapServer.parseList("127.0.0.1:" + dead + "," + cluster.bootstrapServers()),
                    Duration.ofSeconds(10), System::currentTimeMillis);

            ClusterMetadata metadata = bootstrap.fetch(List.of(TOPIC)).get(30, TimeUnit.SECONDS);

            assertThat(metadata.nodes()).hasSize(1);
            assertThat(metadata.partitionCount(TOPIC)).hasValue(3);
            assertThat(metadata.leaderFor(TOPIC, 0)).hasValueSatisfying(node -> assertThat(node.id()).isEqualTo(1));
        }
    }

    @Test
    void whenNothingAnswersTheErrorListsEveryAddressTried() throws Exception {
        int first = unusedPort();
        int second = unusedPort();
        try (NetworkClient network = new NetworkClient(NetworkOptions.defaults("bootstrap-down-it"))) {
            Bootstrap bootstrap = new Bootstrap(network,
                    BootstrapServer.parseList("127.0.0.1:" + first + ",127.0.0.1:" + second + ",no-such-host.invalid:9092"),
                    Duration.ofSeconds(5), System::currentTimeMillis);

            assertThatThrownBy(() -> bootstrap.fetch(List.of()).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(BootstrapException.class)
                    .hasMessageContaining("127.0.0.1:" + first).hasMessageContaining("127.0.0.1:" + second)
                    .hasMessageContaining("no-such-host.invalid:9092: host name does not resolve")
                    .satisfies(failure -> {
                        assertThat(failure.getCause()).as("the first attempt's failure, for callers to inspect")
                                .isInstanceOf(RequestNotSentException.class);
                        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(RequestNotSentException.class);
                    });
        }
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
