package io.kafkaex.spring.health;

import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.network.NetworkStatus;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the {@code KafkaExClient} bean from its own state, without a broker round trip: DOWN when a broker refused
 * to authenticate it or when every broker it tried is unreachable, UNKNOWN before it contacted any, else UP. Details:
 * reachable and unreachable brokers, brokers in the cached metadata, the age of that metadata, open connections and
 * requests in flight.
 *
 * <p>Thread-safe.
 */
public class ClientHealthIndicator implements HealthIndicator {

    private final ClientProbe probe;
    private final Clock clock;

    public ClientHealthIndicator(ClientProbe probe, Clock clock) {
        this.probe = probe;
        this.clock = clock;
    }

    @Override
    public Health health() {
        NetworkStatus status = probe.status();
        Health.Builder health = statusOf(status);
        health.withDetail("reachableBrokers", addresses(status.reachableBrokers()))
                .withDetail("openConnections", status.openConnections())
                .withDetail("requestsInFlight", status.requestsInFlight());
        if (!status.unreachableBrokers().isEmpty()) {
            health.withDetail("unreachableBrokers", status.unreachableBrokers().entrySet().stream().collect(
                    Collectors.toMap(entry -> address(entry.getKey()), Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
        }
        ClusterMetadata metadata = probe.client().clusterMetadata();
        if (metadata != null) {
            health.withDetail("knownBrokers", metadata.nodes().size())
                    .withDetail("metadataAge", Duration.between(Instant.ofEpochMilli(metadata.fetchedAtMillis()),
                            clock.instant()).toString());
        }
        return health.build();
    }

    private static Health.Builder statusOf(NetworkStatus status) {
        if (status.closed()) {
            return Health.down().withDetail("reason", "the client is closed");
        }
        if (status.authenticationFailure() != null) {
            return Health.down().withDetail("reason", "authentication failed: "
                    + status.authenticationFailure().getMessage() + "; check kafkaex.sasl.* and the broker's users");
        }
        if (status.noBrokerReachable()) {
            return Health.down().withDetail("reason", "no broker reachable");
        }
        if (status.reachableBrokers().isEmpty()) {
            return Health.unknown().withDetail("reason", "no broker contacted yet");
        }
        return Health.up();
    }

    private static java.util.List<String> addresses(java.util.Set<InetSocketAddress> brokers) {
        return brokers.stream().map(ClientHealthIndicator::address).sorted().toList();
    }

    private static String address(InetSocketAddress broker) {
        return broker.getHostString() + ":" + broker.getPort();
    }
}
