package io.kafkaex.client;

import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.OffsetFetchRequest;
import io.kafkaex.protocol.message.OffsetFetchResponse;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * kafka_ex's {@code fetch_committed_offset}: one OffsetFetch for one topic's partitions, sent to the group's
 * coordinator, in the shape the negotiated version needs (one group up to v7, a groups array from v8, topic ids
 * from v10). Transient coordinator errors are retried by {@link CoordinatorCalls}; other group errors fail with
 * a typed exception; partition errors are {@link CommittedOffset}s, in request order.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class CommittedOffsetFetcher {

    private final NetworkClient network;
    private final CoordinatorCalls coordinators;
    private final TopicIds topicIds;
    private final Duration requestTimeout;

    CommittedOffsetFetcher(NetworkClient network, CoordinatorCalls coordinators, TopicIds topicIds, Duration requestTimeout) {
        this.network = network;
        this.coordinators = coordinators;
        this.topicIds = topicIds;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<List<CommittedOffset>> fetch(String group, String topic, List<Integer> partitions) {
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("Name at least one partition");
        }
        List<Integer> requested = List.copyOf(partitions);
        return topicIds.of(topic).thenCompose(topicId -> coordinators.call(group, coordinator -> network.send(coordinator,
                TrafficClass.GROUP, new RequestSpec<>(ApiKey.OFFSET_FETCH,
                        version -> request(group, topic, topicId, requested, version),
                        (reader, version) -> results(OffsetFetchResponse.read(reader, version), group, topic, requested),
                        requestTimeout))));
    }

    static OffsetFetchRequest request(String group, String topic, UUID topicId, List<Integer> partitions, short version) {
        if (version < 8) {
            return new OffsetFetchRequest().setGroupId(group).setTopics(List.of(
                    new OffsetFetchRequest.OffsetFetchRequestTopic().setName(topic).setPartitionIndexes(partitions)));
        }
        OffsetFetchRequest.OffsetFetchRequestTopics requestTopic = new OffsetFetchRequest.OffsetFetchRequestTopics()
                .setPartitionIndexes(partitions);
        if (version >= 10) {
            requestTopic.setTopicId(topicId);
        } else {
            requestTopic.setName(topic);
        }
        return new OffsetFetchRequest().setGroups(List.of(
                new OffsetFetchRequest.OffsetFetchRequestGroup().setGroupId(group).setTopics(List.of(requestTopic))));
    }

    /**
     * One committed offset per requested partition, in request order.
     *
     * @throws io.kafkaex.protocol.error.KafkaErrorException for an error of the whole group
     */
    static List<CommittedOffset> results(OffsetFetchResponse response, String group, String topic, List<Integer> partitions) {
        Map<Integer, CommittedOffset> answers = new HashMap<>();
        if (response.groups().isEmpty()) {
            GroupErrors.check(response.errorCode(), group, "fetching committed offsets of " + topic);
            response.topics().forEach(t -> t.partitions().forEach(p -> answers.put(p.partitionIndex(),
                    committed(topic, p.partitionIndex(), p.committedOffset(), p.metadata(), p.committedLeaderEpoch(),
                            p.errorCode()))));
        } else {
            OffsetFetchResponse.OffsetFetchResponseGroup answer = response.groups().stream()
                    .filter(g -> group.equals(g.groupId())).findFirst()
                    .orElseThrow(() -> new ProtocolException("The OffsetFetch response has no answer for group " + group));
            GroupErrors.check(answer.errorCode(), group, "fetching committed offsets of " + topic);
            answer.topics().forEach(t -> t.partitions().forEach(p -> answers.put(p.partitionIndex(),
                    committed(topic, p.partitionIndex(), p.committedOffset(), p.metadata(), p.committedLeaderEpoch(),
                            p.errorCode()))));
        }
        List<CommittedOffset> results = partitions.stream().map(partition -> {
            CommittedOffset found = answers.get(partition);
            if (found == null) {
                throw new ProtocolException("The OffsetFetch response has no answer for " + topic + "-" + partition);
            }
            return found;
        }).toList();
        results.stream().filter(result -> GroupErrors.isGroupLevel(result.error())).findFirst()
                .ifPresent(result -> GroupErrors.check(result.error().code(), group, "fetching committed offsets of " + topic));
        return results;
    }

    private static CommittedOffset committed(String topic, int partition, long offset, String metadata, int leaderEpoch,
            short errorCode) {
        return new CommittedOffset(topic, partition, offset, metadata == null ? "" : metadata, leaderEpoch,
                KafkaError.forCode(errorCode));
    }
}
