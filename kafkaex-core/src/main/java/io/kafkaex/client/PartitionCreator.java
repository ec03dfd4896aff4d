package io.kafkaex.client;

import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.CreatePartitionsRequest;
import io.kafkaex.protocol.message.CreatePartitionsResponse;
import io.kafkaex.retry.Backoff;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * CreatePartitions: grows topics to new partition counts in one request to the controller (any broker when the
 * metadata names none; a KRaft broker forwards it). Per-topic failures, such as INVALID_PARTITIONS for a count
 * below the current one, are results. Afterwards the client's metadata is refreshed for the topics that grew
 * until it lists their new partitions (a broker learns them shortly after the controller), at most
 * {@code refreshAttempts} times; a refresh that fails or falls short does not fail the call.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class PartitionCreator {

    private final BrokerRouter brokers;
    private final MetadataManager metadata;
    private final LeaderCalls timers;
    private final Backoff backoff;
    private final int refreshAttempts;
    private final Duration requestTimeout;

    PartitionCreator(BrokerRouter brokers, MetadataManager metadata, LeaderCalls timers, Backoff backoff,
            int refreshAttempts, Duration requestTimeout) {
        this.brokers = brokers;
        this.metadata = metadata;
        this.timers = timers;
        this.backoff = backoff;
        this.refreshAttempts = refreshAttempts;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<TopicsResult> create(Map<String, Integer> newTotalCounts, Duration timeout, boolean validateOnly) {
        Map<String, Integer> counts = new LinkedHashMap<>(newTotalCounts);
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("Name at least one topic to create partitions for");
        }
        counts.forEach((topic, count) -> {
            if (count == null || count < 1) {
                throw new IllegalArgumentException("Topic " + topic + ": the new partition count must be positive, was " + count);
            }
        });
        RequestSpec<TopicsResult> spec = new RequestSpec<>(ApiKey.CREATE_PARTITIONS,
                version -> new CreatePartitionsRequest().setTimeoutMs(AdminCalls.millis(timeout)).setValidateOnly(validateOnly)
                        .setTopics(counts.entrySet().stream().map(entry -> new CreatePartitionsRequest.CreatePartitionsTopic()
                                .setName(entry.getKey()).setCount(entry.getValue()).setAssignments(null)).toList()),
                (reader, version) -> result(CreatePartitionsResponse.read(reader, version), counts.keySet()),
                requestTimeout.plus(timeout));
        return brokers.sendToController(spec).thenCompose(result -> {
            Map<String, Integer> grown = new LinkedHashMap<>();
            result.topics().stream().filter(TopicResult::isSuccess).forEach(topic -> grown.put(topic.name(), counts.get(topic.name())));
            return validateOnly || grown.isEmpty() ? CompletableFuture.completedFuture(result)
                    : untilKnown(grown, 1).handle((ignored, error) -> result);
        });
    }

    /** One result per requested topic, in request order; a topic the response leaves out is an error, not dropped. */
    private static TopicsResult result(CreatePartitionsResponse response, Collection<String> requested) {
        Map<String, TopicResult> answers = new HashMap<>();
        response.results().forEach(t -> answers.put(t.name(), new TopicResult(t.name(), KafkaError.forCode(t.errorCode()),
                t.errorMessage())));
        return new TopicsResult(requested.stream().map(topic -> answers.getOrDefault(topic,
                new TopicResult(topic, KafkaError.UNKNOWN_SERVER_ERROR, "The CreatePartitions response did not mention it"))).toList());
    }

    /** Refreshes the topics until the snapshot lists at least {@code counts} partitions of each, or gives up. */
    private CompletableFuture<ClusterMetadata> untilKnown(Map<String, Integer> counts, int attempt) {
        return metadata.fetchTopics(List.copyOf(counts.keySet())).thenCompose(snapshot -> {
            boolean known = counts.entrySet().stream()
                    .allMatch(entry -> snapshot.partitionCount(entry.getKey()).orElse(0) >= entry.getValue());
            return known || attempt >= refreshAttempts ? CompletableFuture.completedFuture(snapshot)
                    : timers.after(backoff.delay(attempt)).thenCompose(ignored -> untilKnown(counts, attempt + 1));
        });
    }
}
