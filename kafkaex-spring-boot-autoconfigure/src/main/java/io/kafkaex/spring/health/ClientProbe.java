package io.kafkaex.spring.health;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.network.NetworkStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a client's own view of its brokers for the health indicators, never waiting and never sending a request on the
 * probe's thread. So that a broker that came back is noticed although nothing else uses the client, a probe that finds
 * no broker reachable (or none contacted yet) asks the client for a metadata refresh in the background, at most once
 * per {@code refreshInterval}; the next probes see its outcome.
 *
 * <p>Thread-safe: health probes may run concurrently.
 */
public final class ClientProbe {

    private final KafkaExClient client;
    private final Runnable refresh;
    private final Duration refreshInterval;
    private final Clock clock;
    private final AtomicReference<Instant> lastRefresh = new AtomicReference<>(Instant.MIN);

    public ClientProbe(KafkaExClient client, Duration refreshInterval, Clock clock) {
        this(client, () -> client.metadata().exceptionally(unreachable -> null), refreshInterval, clock);
    }

    /** @param refresh starts a metadata refresh without waiting for it; its outcome shows in the next status */
    ClientProbe(KafkaExClient client, Runnable refresh, Duration refreshInterval, Clock clock) {
        this.client = client;
        this.refresh = refresh;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    /** The client's network status now; starts a background refresh when no broker is known to be reachable. */
    public NetworkStatus status() {
        NetworkStatus status = client.networkStatus();
        if (!status.closed() && status.reachableBrokers().isEmpty()) {
            refreshInBackground();
        }
        return status;
    }

    public KafkaExClient client() {
        return client;
    }

    private void refreshInBackground() {
        Instant now = clock.instant();
        Instant last = lastRefresh.get();
        if (last.plus(refreshInterval).isAfter(now) || !lastRefresh.compareAndSet(last, now)) {
            return;
        }
        refresh.run();
    }
}
