package io.kafkaex.cluster;

import io.kafkaex.CompletionCauses;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.telemetry.AsyncSpan;
import io.kafkaex.telemetry.MetadataUpdateEvent;
import io.kafkaex.telemetry.Telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Keeps the client's view of the cluster current: fetches the first {@link ClusterMetadata} through the
 * bootstrap servers, then refreshes all topics periodically and whenever asked (coalesced by
 * {@link MetadataRefreshPolicy}), merging each response into the snapshot. A refresh asks the brokers the
 * snapshot knows first, least loaded first (so refreshes spread over the cluster), and falls back to the
 * bootstrap servers when none of them answers (re-bootstrap).
 *
 * <p>{@link #current()} may be called from any thread. Every other method hops onto the network's event
 * loop, which alone touches the policy and the waiting futures; returned futures complete there.
 */
public final class MetadataManager {

    private final NetworkClient network;
    private final Bootstrap bootstrap;
    private final MetadataRefreshPolicy policy;
    private final Duration requestTimeout;
    private final LongSupplier clockMillis;
    private final Telemetry telemetry;
    private final String clientId;
    /** Callers waiting for the next refresh to start; it will serve them. */
    private List<CompletableFuture<ClusterMetadata>> waitingForNext = new ArrayList<>();
    /** Callers served by the refresh in flight (they asked before it started). */
    private List<CompletableFuture<ClusterMetadata>> waitingForInFlight = new ArrayList<>();
    private volatile ClusterMetadata current;
    /** Only the timer of the latest generation runs {@link #tick()}; older ones were superseded. */
    private long tickGeneration;
    private long scheduledTickAtMillis = Long.MAX_VALUE;

    /** A manager without telemetry. */
    public MetadataManager(NetworkClient network, Bootstrap bootstrap, MetadataRefreshPolicy policy,
            Duration requestTimeout, LongSupplier clockMillis) {
        this(network, bootstrap, policy, requestTimeout, clockMillis, Telemetry.noop(), "");
    }

    /** A manager that reports each metadata request as a {@code metadata.update} span of client {@code clientId}. */
    public MetadataManager(NetworkClient network, Bootstrap bootstrap, MetadataRefreshPolicy policy,
            Duration requestTimeout, LongSupplier clockMillis, Telemetry telemetry, String clientId) {
        this.network = network;
        this.bootstrap = bootstrap;
        this.policy = policy;
        this.requestTimeout = requestTimeout;
        this.clockMillis = clockMillis;
        this.telemetry = telemetry;
        this.clientId = clientId;
    }

    /** The latest snapshot, or {@code null} before the first one arrived. */
    public ClusterMetadata current() {
        return current;
    }

    /**
     * The current snapshot once there is one: starts the first fetch if needed. Fails with a
     * {@link BootstrapException} listing every address tried when no bootstrap server answers.
     */
    public CompletableFuture<ClusterMetadata> metadata() {
        ClusterMetadata known = current;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return requestUpdate(RefreshReason.BOOTSTRAP);
    }

    /**
     * Asks for a refresh (joining one that is already due) and returns the snapshot it produces, or its
     * failure.
     */
    public CompletableFuture<ClusterMetadata> requestUpdate(RefreshReason reason) {
        return network.onLoop(() -> {
            CompletableFuture<ClusterMetadata> result = new CompletableFuture<>();
            waitingForNext.add(result);
            policy.requestUpdate(reason);
            tick();
            return result;
        });
    }

    /**
     * Fetches metadata of {@code topics} only, from the brokers the snapshot knows (or the bootstrap servers),
     * and merges it into the snapshot; other topics stay as they were.
     */
    public CompletableFuture<ClusterMetadata> fetchTopics(List<String> topics) {
        return metadata().thenCompose(known -> observedFetch(topics))
                .thenCompose(fetched -> network.onLoop(() -> {
                    install(current == null ? fetched : current.merge(fetched, MetadataScope.REQUESTED_TOPICS));
                    return CompletableFuture.completedFuture(current);
                }));
    }

    /** Runs on the event loop: starts a refresh when one is due, else sleeps until the next is. */
    private void tick() {
        if (policy.isRefreshDue()) {
            policy.refreshStarted();
            waitingForInFlight = waitingForNext;
            waitingForNext = new ArrayList<>();
            observedFetch(List.of()).whenComplete(this::onRefreshed);
            return;
        }
        long wait = policy.millisUntilRefresh();
        if (wait == Long.MAX_VALUE) {
            return; // a refresh is in flight; its completion ticks again
        }
        long dueAt = clockMillis.getAsLong() + wait;
        if (dueAt < scheduledTickAtMillis) {
            long generation = ++tickGeneration;
            scheduledTickAtMillis = dueAt;
            network.delay(Duration.ofMillis(wait)).whenComplete((elapsed, closed) -> {
                if (closed != null) { // the client closed: nobody will refresh for those still waiting
                    waitingForNext.forEach(future -> future.completeExceptionally(closed));
                    waitingForNext.clear();
                } else if (generation == tickGeneration) {
                    scheduledTickAtMillis = Long.MAX_VALUE;
                    tick();
                }
            });
        }
    }

    /** {@link #fetchFromKnownBrokersThenBootstrap} as a {@code metadata.update} span when telemetry is on. */
    private CompletableFuture<ClusterMetadata> observedFetch(List<String> topics) {
        if (!telemetry.isEnabled()) {
            return fetchFromKnownBrokersThenBootstrap(topics);
        }
        MetadataUpdateEvent.Metadata metadata = new MetadataUpdateEvent.Metadata(clientId, topics);
        return AsyncSpan.observe(telemetry, new MetadataUpdateEvent.Start(metadata, Instant.now()),
                () -> fetchFromKnownBrokersThenBootstrap(topics),
                (duration, fetched, outcome) -> new MetadataUpdateEvent.Stop(metadata, duration,
                        fetched == null ? 0 : fetched.nodes().size(), fetched == null ? 0 : fetched.topicsByName().size(), outcome),
                (duration, exception) -> new MetadataUpdateEvent.Thrown(metadata, duration, exception));
    }

    /** Makes {@code snapshot} current and names its brokers for the network's telemetry. Event loop only. */
    private void install(ClusterMetadata snapshot) {
        current = snapshot;
        network.nameBrokers(snapshot.nodes().stream()
                .collect(Collectors.toMap(node -> node.host() + ":" + node.port(), Node::id, (first, second) -> second)));
    }

    /** Metadata of {@code topics} (all when empty) from the known brokers, else from the bootstrap servers. */
    private CompletableFuture<ClusterMetadata> fetchFromKnownBrokersThenBootstrap(List<String> topics) {
        ClusterMetadata known = current;
        if (known == null || known.nodes().isEmpty()) {
            return bootstrap.fetch(topics);
        }
        return network.leastLoadedFirst(known.nodes().stream().map(Node::socketAddress).toList())
                .thenCompose(ordered -> new Bootstrap(network, ordered.stream()
                        .map(address -> new BootstrapServer(address.getHostString(), address.getPort())).toList(),
                        requestTimeout, clockMillis).fetch(topics))
                .exceptionallyCompose(noKnownBrokerAnswered -> bootstrap.fetch(topics));
    }

    /** Runs on the event loop (the network completes the futures there). */
    private void onRefreshed(ClusterMetadata fetched, Throwable error) {
        List<CompletableFuture<ClusterMetadata>> served = waitingForInFlight;
        waitingForInFlight = new ArrayList<>();
        if (error != null) {
            policy.refreshFailed();
            Throwable cause = CompletionCauses.unwrap(error);
            served.forEach(future -> future.completeExceptionally(cause));
        } else {
            ClusterMetadata known = current;
            install(known == null ? fetched : known.merge(fetched, MetadataScope.ALL_TOPICS));
            policy.refreshSucceeded();
            served.forEach(future -> future.complete(current));
        }
        tick();
    }
}
