package io.kafkaex.client;

import io.kafkaex.network.RequestSpec;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.CreatePartitionsRequest;
import io.kafkaex.protocol.message.CreatePartitionsResponse;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * CreatePartitions: grows topics to new partition counts in one request to the controller (any broker when the
 * metadata names none; a KRaft broker forwards it). Per-topic failures, such as INVALID_PARTITIONS for a count
 * below the current one, are results. Afterwards the client's metadata is refreshed for the topics that grew
 * until it lists their new partitions ({@link MetadataCatchUp}).
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class PartitionCreator {

    private final BrokerRouter brokers;
    private final MetadataCatchUp catchUp;
    private final Duration requestTimeout;

    PartitionCreator(BrokerRouter brokers, MetadataCatchUp catchUp, Duration requestTimeout) {
        this.brokers = brokers;
        this.catchUp = catchUp;
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
            return validateOnly ? CompletableFuture.completedFuture(result)
                    : catchUp.untilPartitions(grown).thenApply(ignored -> result);
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
}
