package io.kafkaex.client;

import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.OffsetCommitRequest;
import io.kafkaex.protocol.message.OffsetCommitResponse;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * kafka_ex's {@code commit_offset}: one OffsetCommit for one topic's partitions, sent to the group's
 * coordinator, at whatever version negotiation gives (topic name up to v9, topic id from v10). Transient
 * coordinator errors are retried by {@link CoordinatorCalls}; other errors of the whole group (e.g.
 * ILLEGAL_GENERATION) fail with a typed exception; partition errors are {@link CommitResult}s, in request order.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class OffsetCommitter {

    private final NetworkClient network;
    private final CoordinatorCalls coordinators;
    private final TopicIds topicIds;
    private final Duration requestTimeout;

    OffsetCommitter(NetworkClient network, CoordinatorCalls coordinators, TopicIds topicIds, Duration requestTimeout) {
        this.network = network;
        this.coordinators = coordinators;
        this.topicIds = topicIds;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<List<CommitResult>> commit(String group, String topic, List<PartitionCommit> offsets, CommitOptions options) {
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("Commit at least one partition's offset");
        }
        List<PartitionCommit> requested = List.copyOf(offsets);
        return topicIds.of(topic).thenCompose(topicId -> coordinators.call(group, coordinator -> network.send(coordinator,
                TrafficClass.GROUP, new RequestSpec<>(ApiKey.OFFSET_COMMIT,
                        version -> request(group, topic, topicId, requested, options, version),
                        (reader, version) -> results(OffsetCommitResponse.read(reader, version), group, topic, requested),
                        requestTimeout))));
    }

    static OffsetCommitRequest request(String group, String topic, UUID topicId, List<PartitionCommit> offsets,
            CommitOptions options, short version) {
        OffsetCommitRequest.OffsetCommitRequestTopic requestTopic = new OffsetCommitRequest.OffsetCommitRequestTopic()
                .setPartitions(offsets.stream().map(offset -> new OffsetCommitRequest.OffsetCommitRequestPartition()
                        .setPartitionIndex(offset.partition()).setCommittedOffset(offset.offset())
                        .setCommittedLeaderEpoch(offset.leaderEpoch()).setCommittedMetadata(offset.metadata())).toList());
        if (version >= 10) {
            requestTopic.setTopicId(topicId);
        } else {
            requestTopic.setName(topic);
        }
        return new OffsetCommitRequest().setGroupId(group).setGenerationIdOrMemberEpoch(options.generationId())
                .setMemberId(options.memberId()).setGroupInstanceId(options.groupInstanceId()).setTopics(List.of(requestTopic));
    }

    /**
     * One result per requested partition, in request order.
     *
     * @throws io.kafkaex.protocol.error.KafkaErrorException for an error of the whole group
     */
    static List<CommitResult> results(OffsetCommitResponse response, String group, String topic, List<PartitionCommit> offsets) {
        Map<Integer, KafkaError> errors = new HashMap<>();
        response.topics().forEach(t -> t.partitions().forEach(
                p -> errors.put(p.partitionIndex(), KafkaError.forCode(p.errorCode()))));
        List<CommitResult> results = offsets.stream().map(offset -> {
            KafkaError error = errors.get(offset.partition());
            if (error == null) {
                throw new ProtocolException("The OffsetCommit response has no answer for " + topic + "-" + offset.partition());
            }
            return new CommitResult(topic, offset.partition(), error);
        }).toList();
        results.stream().filter(result -> GroupErrors.isGroupLevel(result.error())).findFirst()
                .ifPresent(result -> GroupErrors.check(result.error().code(), group, "committing offsets of " + topic));
        return results;
    }
}
