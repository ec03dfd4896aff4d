package io.kafkaex.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.network.BrokerConnectionException;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.NetworkOptions;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.RetriableKafkaErrorException;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Group and transaction coordinators found on a real broker, cached, and asked again after invalidation. */
@KafkaExBroker
class CoordinatorLookupIT {

    @Test
    void findsCachesAndForgetsCoordinators(KafkaTestCluster cluster) throws Exception {
        InetSocketAddress broker = new InetSocketAddress("127.0.0.1", Integer.parseInt(cluster.bootstrapServers().split(":")[1]));
        try (NetworkClient network = new NetworkClient(NetworkOptions.defaults("coordinator-it"))) {
            CoordinatorLookup lookup = new CoordinatorLookup(network, Duration.ofSeconds(10));

            Node group = retryWhileLoading(() -> lookup.coordinator(CoordinatorType.GROUP, "coordinator-it-group", broker)
                    .get(30, TimeUnit.SECONDS));
            assertThat(group.id()).isEqualTo(1);
            assertThat(group.port()).isEqualTo(broker.getPort());
            assertThat(lookup.coordinator(CoordinatorType.GROUP, "coordinator-it-group", unreachable())).isCompletedWithValue(group);

            Node transactions = retryWhileLoading(() -> lookup.coordinator(CoordinatorType.TRANSACTION, "coordinator-it-tx", broker)
                    .get(30, TimeUnit.SECONDS));
            assertThat(transactions.id()).isEqualTo(1);

            lookup.invalidate(CoordinatorType.GROUP, "coordinator-it-group", KafkaError.REBALANCE_IN_PROGRESS);
            assertThat(lookup.coordinator(CoordinatorType.GROUP, "coordinator-it-group", unreachable())).isCompletedWithValue(group);

            lookup.invalidate(CoordinatorType.GROUP, "coordinator-it-group", KafkaError.NOT_COORDINATOR);
            assertThatThrownBy(() -> lookup.coordinator(CoordinatorType.GROUP, "coordinator-it-group", unreachable())
                    .get(30, TimeUnit.SECONDS)).cause().isInstanceOf(BrokerConnectionException.class);
        }
    }

    /** The coordinator topics are created on first use; until they are, the broker answers a retriable error. */
    private static Node retryWhileLoading(Lookup lookup) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return lookup.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableKafkaErrorException) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static InetSocketAddress unreachable() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
        }
    }

    @FunctionalInterface
    private interface Lookup {
        Node get() throws Exception;
    }
}
