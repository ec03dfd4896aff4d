package io.kafkaex.client;

import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.cluster.RefreshReason;
import io.kafkaex.retry.Backoff;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Refreshes the client's metadata after an administrative change until it shows the change: the controller
 * acknowledges a new topic or partition before every broker's metadata has it, so one refresh right away
 * may miss it. Tries at most {@code attempts} refreshes with the backoff between them; a refresh that fails
 * or still falls short completes with what is known, never with an error (the change itself succeeded).
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class MetadataCatchUp {

    private final MetadataManager metadata;
    private final LeaderCalls timers;
    private final Backoff backoff;
    private final int attempts;

    MetadataCatchUp(MetadataManager metadata, LeaderCalls timers, Backoff backoff, int attempts) {
        this.metadata = metadata;
        this.timers = timers;
        this.backoff = backoff;
        this.attempts = attempts;
    }

    /** Refreshes {@code minimumCounts}' topics until each has at least that many partitions. */
    CompletableFuture<Void> untilPartitions(Map<String, Integer> minimumCounts) {
        if (minimumCounts.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return until(() -> metadata.fetchTopics(List.copyOf(minimumCounts.keySet())), snapshot -> minimumCounts.entrySet()
                .stream().allMatch(entry -> snapshot.partitionCount(entry.getKey()).orElse(0) >= entry.getValue()), 1);
    }

    /** Refreshes all topics until none of {@code deleted} is listed any more. */
    CompletableFuture<Void> untilGone(Collection<String> deleted) {
        if (deleted.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return until(() -> metadata.requestUpdate(RefreshReason.REQUESTED), // a full refresh drops deleted topics
                snapshot -> deleted.stream().noneMatch(topic -> snapshot.topic(topic).isPresent()), 1);
    }

    private CompletableFuture<Void> until(Supplier<CompletableFuture<ClusterMetadata>> refresh,
            Predicate<ClusterMetadata> shows, int attempt) {
        return refresh.get().handle((snapshot, error) -> error == null && shows.test(snapshot))
                .thenCompose(done -> done || attempt >= attempts ? CompletableFuture.<Void>completedFuture(null)
                        : timers.after(backoff.delay(attempt)).thenCompose(ignored -> until(refresh, shows, attempt + 1)));
    }
}
