package io.kafkaex.consumer;

import io.kafkaex.client.JoinGroupOptions;
import io.kafkaex.client.JoinGroupResult;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.SyncGroupOptions;
import io.kafkaex.client.SyncGroupResult;
import io.kafkaex.cluster.ClusterMetadata;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@link GroupApi} over a member's own {@link KafkaExClient}: its coordinator connection (kept apart from other
 * members' since each member has its own client), its metadata, and its event loop as the heartbeat timer.
 * Thread-safe.
 */
final class ClientGroupApi implements GroupApi {

    private final KafkaExClient client;

    ClientGroupApi(KafkaExClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<JoinGroupResult> join(JoinGroupOptions options) {
        return client.joinGroup(options);
    }

    @Override
    public CompletableFuture<SyncGroupResult> sync(SyncGroupOptions options) {
        return client.syncGroup(options);
    }

    @Override
    public CompletableFuture<Void> heartbeat(String groupId, String memberId, int generationId, String groupInstanceId) {
        return client.heartbeat(groupId, memberId, generationId, groupInstanceId);
    }

    @Override
    public CompletableFuture<Void> leave(String groupId, String memberId, String groupInstanceId) {
        return client.leaveGroup(groupId, memberId, groupInstanceId);
    }

    @Override
    public CompletableFuture<Map<String, Integer>> partitionCounts(Collection<String> topics) {
        return client.metadata(topics).thenApply(metadata -> counts(metadata, topics));
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        client.runtime().network().schedule(delay, task);
    }

    private static Map<String, Integer> counts(ClusterMetadata metadata, Collection<String> topics) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String topic : topics) {
            metadata.partitionCount(topic).ifPresent(count -> counts.put(topic, count));
        }
        return counts;
    }
}
