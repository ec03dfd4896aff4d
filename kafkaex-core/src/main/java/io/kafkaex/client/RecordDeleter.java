package io.kafkaex.client;

import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.cluster.RefreshReason;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.message.DeleteRecordsRequest;
import io.kafkaex.protocol.message.DeleteRecordsResponse;
import io.kafkaex.retry.RetryPolicy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * DeleteRecords: moves partitions' log start offsets forward, with one request per partition leader. Each
 * partition gets its own outcome. Partitions that fail with an error the retry policy allows (a moved leader,
 * an unknown partition, a lost connection or timeout; deleting again is harmless) are sent again after a
 * metadata refresh and the policy's backoff; the others keep their error.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class RecordDeleter {

    /** The offset that means "up to the high watermark". */
    static final long HIGH_WATERMARK = -1;

    private final BrokerRouter brokers;
    private final LeaderCalls leaders;
    private final MetadataManager metadata;
    private final RetryPolicy retry;
    private final Duration requestTimeout;

    RecordDeleter(BrokerRouter brokers, LeaderCalls leaders, MetadataManager metadata, RetryPolicy retry,
            Duration requestTimeout) {
        this.brokers = brokers;
        this.leaders = leaders;
        this.metadata = metadata;
        this.retry = retry;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<DeleteRecordsResult> delete(Map<TopicPartition, Long> beforeOffsets, Duration timeout) {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>(beforeOffsets);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("Name at least one partition to delete records from");
        }
        offsets.forEach((partition, offset) -> {
            if (offset == null || offset < HIGH_WATERMARK) {
                throw new IllegalArgumentException(partition + ": delete before an offset >= 0, or -1 for the high watermark, not "
                        + offset);
            }
        });
        return round(offsets, timeout, 1)
                .thenApply(outcomes -> new DeleteRecordsResult(offsets.keySet().stream().map(outcomes::get).toList()));
    }

    private CompletableFuture<Map<TopicPartition, DeletedRecords>> round(Map<TopicPartition, Long> pending, Duration timeout,
            int attempt) {
        List<String> topics = pending.keySet().stream().map(TopicPartition::topic).distinct().toList();
        return leaders.snapshotKnowing(topics).thenCompose(snapshot -> sendByLeader(snapshot, pending, timeout))
                .thenCompose(outcomes -> {
                    Map<TopicPartition, Long> again = new LinkedHashMap<>();
                    Optional<Duration> delay = Optional.empty();
                    for (DeletedRecords outcome : outcomes.values()) {
                        Optional<Duration> retryAfter = outcome.isSuccess() ? Optional.empty() : retry.nextDelay(attempt, outcome.error());
                        if (retryAfter.isPresent()) {
                            again.put(outcome.partition(), pending.get(outcome.partition()));
                            delay = retryAfter;
                        }
                    }
                    if (again.isEmpty()) {
                        return CompletableFuture.completedFuture(outcomes);
                    }
                    Duration wait = delay.get();
                    return metadata.requestUpdate(RefreshReason.NOT_LEADER_OR_FOLLOWER)
                            .handle((refreshed, refreshError) -> null)
                            .thenCompose(ignored -> leaders.after(wait))
                            .thenCompose(ignored -> round(again, timeout, attempt + 1))
                            .thenApply(retried -> {
                                Map<TopicPartition, DeletedRecords> merged = new HashMap<>(outcomes);
                                merged.putAll(retried);
                                return merged;
                            });
                });
    }

    private CompletableFuture<Map<TopicPartition, DeletedRecords>> sendByLeader(ClusterMetadata snapshot,
            Map<TopicPartition, Long> pending, Duration timeout) {
        List<DeletedRecords> unroutable = new ArrayList<>();
        Map<InetSocketAddress, Map<TopicPartition, Long>> byLeader = new LinkedHashMap<>();
        pending.forEach((partition, offset) -> {
            try {
                InetSocketAddress leader = LeaderCalls.resolve(snapshot, partition.topic(), partition.partition()).address();
                byLeader.computeIfAbsent(leader, ignored -> new LinkedHashMap<>()).put(partition, offset);
            } catch (KafkaErrorException e) {
                unroutable.add(failed(partition, e.error(), e.getMessage()));
            }
        });
        List<CompletableFuture<List<DeletedRecords>>> sent = byLeader.entrySet().stream()
                .map(entry -> send(entry.getKey(), entry.getValue(), timeout)).toList();
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<TopicPartition, DeletedRecords> outcomes = new HashMap<>();
            unroutable.forEach(outcome -> outcomes.put(outcome.partition(), outcome));
            sent.forEach(each -> each.join().forEach(outcome -> outcomes.put(outcome.partition(), outcome)));
            return outcomes;
        });
    }

    private CompletableFuture<List<DeletedRecords>> send(InetSocketAddress leader, Map<TopicPartition, Long> offsets,
            Duration timeout) {
        RequestSpec<List<DeletedRecords>> spec = new RequestSpec<>(ApiKey.DELETE_RECORDS,
                version -> request(offsets, timeout),
                (reader, version) -> outcomes(DeleteRecordsResponse.read(reader, version), offsets),
                requestTimeout.plus(timeout));
        return brokers.send(leader, spec).exceptionally(error -> {
            RequestFailure failure = RequestFailure.of(error);
            return offsets.keySet().stream().map(partition -> failed(partition, failure.error(), failure.message())).toList();
        });
    }

    private static DeleteRecordsRequest request(Map<TopicPartition, Long> offsets, Duration timeout) {
        Map<String, List<DeleteRecordsRequest.DeleteRecordsPartition>> byTopic = offsets.entrySet().stream()
                .collect(Collectors.groupingBy(entry -> entry.getKey().topic(), LinkedHashMap::new,
                        Collectors.mapping(entry -> new DeleteRecordsRequest.DeleteRecordsPartition()
                                .setPartitionIndex(entry.getKey().partition()).setOffset(entry.getValue()), Collectors.toList())));
        return new DeleteRecordsRequest().setTimeoutMs(AdminCalls.millis(timeout)).setTopics(byTopic.entrySet().stream()
                .map(topic -> new DeleteRecordsRequest.DeleteRecordsTopic().setName(topic.getKey()).setPartitions(topic.getValue()))
                .toList());
    }

    private static List<DeletedRecords> outcomes(DeleteRecordsResponse response, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, DeleteRecordsResponse.DeleteRecordsPartitionResult> answers = new HashMap<>();
        response.topics().forEach(topic -> topic.partitions()
                .forEach(p -> answers.put(new TopicPartition(topic.name(), p.partitionIndex()), p)));
        return offsets.keySet().stream().map(partition -> {
            DeleteRecordsResponse.DeleteRecordsPartitionResult answer = answers.get(partition);
            if (answer == null) {
                return failed(partition, KafkaError.UNKNOWN_SERVER_ERROR, "The DeleteRecords response did not mention " + partition);
            }
            KafkaError error = KafkaError.forCode(answer.errorCode());
            return new DeletedRecords(partition, error == KafkaError.NONE ? answer.lowWatermark() : -1, error, null);
        }).toList();
    }

    private static DeletedRecords failed(TopicPartition partition, KafkaError error, String message) {
        return new DeletedRecords(partition, -1, error, message);
    }
}
