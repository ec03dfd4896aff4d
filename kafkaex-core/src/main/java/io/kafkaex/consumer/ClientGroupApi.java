package io.kafkaex.consumer;

import io.kafkaex.client.ConsumerGroupHeartbeatOptions;
import io.kafkaex.client.ConsumerGroupHeartbeatResult;
import io.kafkaex.client.JoinGroupOptions;
import io.kafkaex.client.JoinGroupResult;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.SyncGroupOptions;
import io.kafkaex.client.SyncGroupResult;
import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.TopicInfo;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@link GroupApi} and {@link ConsumerProtocolApi} over a member's own {@link KafkaExClient}: its coordinator
 * connection (kept apart from other members' since each member has its own client), its metadata, and its event loop
 * as the heartbeat timer. Thread-safe.
 */
final class ClientGroupApi implements GroupApi, ConsumerProtocolApi {

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
    public CompletableFuture<ConsumerGroupHeartbeatResult> heartbeat(ConsumerGroupHeartbeatOptions options) {
        return client.consumerGroupHeartbeat(options);
    }

    @Override
    public CompletableFuture<Map<String, UUID>> topicIds(Collection<String> topics) {
        return client.metadata(topics).thenApply(metadata -> ids(metadata, topics));
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

    private static Map<String, UUID> ids(ClusterMetadata metadata, Collection<String> topics) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (String topic : topics) {
            metadata.topic(topic).filter(TopicInfo::hasTopicId).ifPresent(info -> ids.put(topic, info.topicId()));
        }
        return ids;
    }
}
