package io.kafkaex.client;

import io.kafkaex.network.RequestSpec;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.CreateTopicsRequest;
import io.kafkaex.protocol.message.CreateTopicsResponse;
import io.kafkaex.protocol.message.DeleteTopicsRequest;
import io.kafkaex.protocol.message.DeleteTopicsResponse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * CreateTopics and DeleteTopics, sent to the controller the metadata names (kafka_ex 0.13; a KRaft broker
 * forwards them), then the client's metadata catches up with the change (kafka_ex 0.11 refreshed after both):
 * created topics are listed with their partitions, deleted ones are gone. Per-topic failures such as
 * TOPIC_ALREADY_EXISTS are results, not exceptions.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class TopicAdmin {

    private final BrokerRouter brokers;
    private final MetadataCatchUp catchUp;
    private final Duration requestTimeout;

    TopicAdmin(BrokerRouter brokers, MetadataCatchUp catchUp, Duration requestTimeout) {
        this.brokers = brokers;
        this.catchUp = catchUp;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<TopicsResult> create(List<NewTopic> topics, Duration timeout, boolean validateOnly) {
        RequestSpec<TopicsResult> spec = new RequestSpec<>(ApiKey.CREATE_TOPICS,
                version -> new CreateTopicsRequest().setTimeoutMs(AdminCalls.millis(timeout)).setValidateOnly(validateOnly)
                        .setTopics(topics.stream().map(TopicAdmin::creatable).toList()),
                (reader, version) -> new TopicsResult(CreateTopicsResponse.read(reader, version).topics().stream()
                        .map(t -> new TopicResult(t.name(), KafkaError.forCode(t.errorCode()), t.errorMessage())).toList()),
                requestTimeout.plus(timeout));
        return brokers.sendToController(spec).thenCompose(result -> {
            Map<String, Integer> created = new LinkedHashMap<>();
            if (!validateOnly) {
                topics.stream().filter(topic -> succeeded(result, topic.name()))
                        .forEach(topic -> created.put(topic.name(), Math.max(1, topic.numPartitions()))); // -1: broker default
            }
            return catchUp.untilPartitions(created).thenApply(ignored -> result);
        });
    }

    CompletableFuture<TopicsResult> delete(List<String> names, Duration timeout) {
        RequestSpec<TopicsResult> spec = new RequestSpec<>(ApiKey.DELETE_TOPICS, version -> {
            DeleteTopicsRequest request = new DeleteTopicsRequest().setTimeoutMs(AdminCalls.millis(timeout));
            return version >= 6
                    ? request.setTopics(names.stream().map(name -> new DeleteTopicsRequest.DeleteTopicState().setName(name)).toList())
                    : request.setTopicNames(names);
        }, (reader, version) -> new TopicsResult(DeleteTopicsResponse.read(reader, version).responses().stream()
                .map(t -> new TopicResult(t.name(), KafkaError.forCode(t.errorCode()), t.errorMessage())).toList()),
                requestTimeout.plus(timeout));
        return brokers.sendToController(spec).thenCompose(result -> catchUp.untilGone(
                names.stream().filter(name -> succeeded(result, name)).toList()).thenApply(ignored -> result));
    }

    private static boolean succeeded(TopicsResult result, String topic) {
        return result.topics().stream().anyMatch(answer -> answer.name().equals(topic) && answer.isSuccess());
    }

    private static CreateTopicsRequest.CreatableTopic creatable(NewTopic topic) {
        return new CreateTopicsRequest.CreatableTopic().setName(topic.name()).setNumPartitions(topic.numPartitions())
                .setReplicationFactor(topic.replicationFactor())
                .setConfigs(topic.configs().entrySet().stream().map(entry -> new CreateTopicsRequest.CreatableTopicConfig()
                        .setName(entry.getKey()).setValue(entry.getValue())).toList());
    }
}
