package io.kafkaex.spring.core;

import io.kafkaex.KafkaExException;
import io.kafkaex.client.CommitResult;
import io.kafkaex.client.CommittedOffset;
import io.kafkaex.client.ConsumerGroupDescription;
import io.kafkaex.client.FetchOptions;
import io.kafkaex.client.FetchResult;
import io.kafkaex.client.GroupListing;
import io.kafkaex.client.GroupResult;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.NewTopic;
import io.kafkaex.client.PartitionCommit;
import io.kafkaex.client.PartitionOffset;
import io.kafkaex.client.TopicsResult;
import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.TopicInfo;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The kafka_ex API operations an application needs, blocking for at most the operation timeout
 * ({@code kafkaex.admin.operation-timeout}): topics, partitions, cluster metadata, offsets, committed offsets, groups
 * and single fetches. A failure is thrown as the client's own exception; per-topic or per-partition outcomes are
 * results, as in {@link KafkaExClient}. For the rest of the API, or futures instead of waiting, use {@link #client()}.
 *
 * <p>Thread-safe: any thread may call it.
 */
public class KafkaExAdmin {

    private final KafkaExClient client;
    private final Duration operationTimeout;

    public KafkaExAdmin(KafkaExClient client, Duration operationTimeout) {
        if (operationTimeout.isNegative() || operationTimeout.isZero()) {
            throw new IllegalArgumentException("The operation timeout must be positive, was " + operationTimeout);
        }
        this.client = client;
        this.operationTimeout = operationTimeout;
    }

    /** The client behind this admin, for every other kafka_ex operation. */
    public KafkaExClient client() {
        return client;
    }

    public Duration operationTimeout() {
        return operationTimeout;
    }

    /** Creates topics; the broker gets the operation timeout. A topic that exists is a TOPIC_ALREADY_EXISTS result. */
    public TopicsResult createTopics(Collection<NewTopic> topics) {
        return await(client.createTopics(topics, operationTimeout, false), "create topics " + names(topics));
    }

    public TopicsResult createTopics(NewTopic... topics) {
        return createTopics(List.of(topics));
    }

    public TopicsResult deleteTopics(Collection<String> names) {
        return await(client.deleteTopics(names, operationTimeout), "delete topics " + names);
    }

    /** Grows each topic to the new total partition count; fewer than it has is an INVALID_PARTITIONS result. */
    public TopicsResult createPartitions(Map<String, Integer> newTotalCounts) {
        return await(client.createPartitions(newTotalCounts, operationTimeout, false), "create partitions " + newTotalCounts);
    }

    /** The brokers, controller and every topic. */
    public ClusterMetadata clusterMetadata() {
        return await(client.metadata(), "fetch cluster metadata");
    }

    /** Each named topic's partitions and leaders, or its error (e.g. UNKNOWN_TOPIC_OR_PARTITION), by name. */
    public Map<String, TopicInfo> describeTopics(Collection<String> names) {
        ClusterMetadata metadata = await(client.metadata(names), "describe topics " + names);
        Map<String, TopicInfo> topics = new LinkedHashMap<>();
        for (String name : names) {
            metadata.topic(name).ifPresent(topic -> topics.put(name, topic));
        }
        return topics;
    }

    public long earliestOffset(String topic, int partition) {
        return await(client.earliestOffset(topic, partition), "look up the earliest offset of " + topic + "-" + partition);
    }

    public long latestOffset(String topic, int partition) {
        return await(client.latestOffset(topic, partition), "look up the latest offset of " + topic + "-" + partition);
    }

    /** The first offset whose timestamp is at or after {@code epochMillis} (offset -1 when none is that recent). */
    public PartitionOffset offsetForTime(String topic, int partition, long epochMillis) {
        return await(client.offsetForTime(topic, partition, epochMillis),
                "look up the offset at " + epochMillis + " of " + topic + "-" + partition);
    }

    public List<CommittedOffset> fetchCommittedOffsets(String group, String topic, List<Integer> partitions) {
        return await(client.fetchCommittedOffset(group, topic, partitions),
                "fetch the committed offsets of group " + group + " for " + topic);
    }

    /** A standalone commit (no generation) of the next offsets to consume, as kafka_ex's {@code commit_offset}. */
    public List<CommitResult> commitOffsets(String group, String topic, List<PartitionCommit> offsets) {
        return await(client.commitOffset(group, topic, offsets), "commit offsets of group " + group + " for " + topic);
    }

    public List<GroupListing> listGroups() {
        return await(client.listGroups(), "list groups");
    }

    public List<ConsumerGroupDescription> describeGroups(List<String> groupIds) {
        return await(client.describeGroups(groupIds), "describe groups " + groupIds);
    }

    public List<GroupResult> deleteGroups(List<String> groupIds) {
        return await(client.deleteGroups(groupIds), "delete groups " + groupIds);
    }

    /** One fetch (kafka_ex's {@code fetch}); it may wait {@code fetchOptions.maxWait()} beyond the operation timeout. */
    public FetchResult fetch(String topic, int partition, long offset, FetchOptions fetchOptions) {
        return await(client.fetch(topic, partition, offset, fetchOptions), operationTimeout.plus(fetchOptions.maxWait()),
                "fetch " + topic + "-" + partition + " from offset " + offset);
    }

    private <T> T await(CompletableFuture<T> future, String operation) {
        return await(future, operationTimeout, operation);
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, String operation) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw asRuntime(e.getCause(), operation);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new KafkaExException("Could not " + operation + " within " + timeout
                    + " (kafkaex.admin.operation-timeout); check that the brokers are reachable, or raise the timeout", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaExException("Interrupted while waiting to " + operation, e);
        }
    }

    private static RuntimeException asRuntime(Throwable failure, String operation) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new KafkaExException("Could not " + operation + ": " + cause, cause);
    }

    private static List<String> names(Collection<NewTopic> topics) {
        return topics.stream().map(NewTopic::name).toList();
    }
}
