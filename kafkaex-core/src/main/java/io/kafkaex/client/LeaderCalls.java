package io.kafkaex.client;

import io.kafkaex.CompletionCauses;
import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.cluster.Node;
import io.kafkaex.cluster.PartitionInfo;
import io.kafkaex.cluster.TopicInfo;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.retry.RetryPolicy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs a call against a partition's leader: finds the leader in the metadata snapshot (fetching the topic if
 * the snapshot lacks it), and when the call fails in a way the retry policy allows (a leadership error, a
 * request that was never sent; see {@link RetriableFailures}), refreshes metadata, waits the policy's backoff
 * and tries again on the new leader. Nothing is retried once the network client is closed. Unknown topics,
 * partitions beyond the topic's count and missing leaders become typed {@code KafkaErrorException}s.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class LeaderCalls {

    private final NetworkClient network;
    private final MetadataManager metadata;

    LeaderCalls(NetworkClient network, MetadataManager metadata) {
        this.network = network;
        this.metadata = metadata;
    }

    <T> CompletableFuture<T> call(String topic, int partition, RetryPolicy retry, Function<Leader, CompletableFuture<T>> action) {
        return attempt(topic, partition, retry, action, 1);
    }

    private <T> CompletableFuture<T> attempt(String topic, int partition, RetryPolicy retry,
            Function<Leader, CompletableFuture<T>> action, int attempt) {
        return leader(topic, partition).thenCompose(action).exceptionallyCompose(error -> {
            Throwable cause = CompletionCauses.unwrap(error);
            Optional<Duration> delay = network.isClosed() ? Optional.empty() : RetriableFailures.nextDelay(retry, attempt, cause);
            if (delay.isEmpty()) {
                return CompletableFuture.failedFuture(cause);
            }
            return metadata.requestUpdate(RetriableFailures.refreshReason(cause))
                    .handle((refreshed, refreshError) -> null)
                    .thenCompose(ignored -> after(delay.get()))
                    .thenCompose(ignored -> attempt(topic, partition, retry, action, attempt + 1));
        });
    }

    /** The partition's leader, from the snapshot or, for a topic it lacks, after fetching that topic. */
    private CompletableFuture<Leader> leader(String topic, int partition) {
        return snapshotKnowing(List.of(topic)).thenApply(current -> resolve(current, topic, partition));
    }

    /** The current snapshot, after fetching the metadata of those {@code topics} it lacks (if any). */
    CompletableFuture<ClusterMetadata> snapshotKnowing(Collection<String> topics) {
        ClusterMetadata known = metadata.current();
        List<String> missing = known == null ? List.copyOf(topics)
                : topics.stream().filter(topic -> known.topic(topic).isEmpty()).distinct().toList();
        return missing.isEmpty() && known != null ? CompletableFuture.completedFuture(known) : metadata.fetchTopics(missing);
    }

    /**
     * The partition's leader in {@code current}.
     *
     * @throws KafkaErrorException for an unknown topic or partition, a topic error, or a partition without leader
     */
    static Leader resolve(ClusterMetadata current, String topic, int partition) {
        TopicInfo info = current.topic(topic)
                .orElseThrow(() -> KafkaErrorExceptions.of(KafkaError.UNKNOWN_TOPIC_OR_PARTITION, topic, partition, null));
        if (info.error() != KafkaError.NONE) {
            throw KafkaErrorExceptions.of(info.error(), topic, partition, null);
        }
        PartitionInfo partitionInfo = current.partition(topic, partition)
                .orElseThrow(() -> KafkaErrorExceptions.of(KafkaError.UNKNOWN_TOPIC_OR_PARTITION, topic, partition,
                        "the topic has " + info.partitions().size() + " partitions"));
        Node leader = current.leaderFor(topic, partition)
                .orElseThrow(() -> KafkaErrorExceptions.of(partitionInfo.error() != KafkaError.NONE
                        ? partitionInfo.error() : KafkaError.LEADER_NOT_AVAILABLE, topic, partition, null));
        return new Leader(leader.socketAddress(), info);
    }

    /** Completes on the event loop after {@code delay}; fails if the client closes first. */
    CompletableFuture<Void> after(Duration delay) {
        return network.delay(delay);
    }


    /** Where to send: the leader's address and the topic (for its id in newer request versions). */
    record Leader(InetSocketAddress address, TopicInfo topic) {
    }
}
