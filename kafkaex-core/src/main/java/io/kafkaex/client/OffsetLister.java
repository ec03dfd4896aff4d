package io.kafkaex.client;

import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.ListOffsetsRequest;
import io.kafkaex.protocol.message.ListOffsetsResponse;
import io.kafkaex.retry.RetryPolicy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ListOffsets for one partition at a time, sent to its leader: earliest (-2), latest (-1) or the first offset
 * at or after a timestamp. Leadership errors are retried on the new leader. Thread-safe.
 */
final class OffsetLister {

    /** The query timestamps ListOffsets gives a meaning to. */
    static final long LATEST = -1;
    static final long EARLIEST = -2;

    private final NetworkClient network;
    private final LeaderCalls leaders;
    private final RetryPolicy retry;
    private final Duration requestTimeout;

    OffsetLister(NetworkClient network, LeaderCalls leaders, RetryPolicy retry, Duration requestTimeout) {
        this.network = network;
        this.leaders = leaders;
        this.retry = retry;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<PartitionOffset> list(String topic, int partition, long timestamp) {
        if (timestamp < EARLIEST) {
            throw new IllegalArgumentException("timestamp must be epoch milliseconds, -1 (latest) or -2 (earliest), was "
                    + timestamp);
        }
        return leaders.call(topic, partition, retry, leader -> network.send(leader.address(), TrafficClass.OTHER,
                new RequestSpec<>(ApiKey.LIST_OFFSETS, version -> new ListOffsetsRequest().setReplicaId(-1).setTopics(List.of(
                        new ListOffsetsRequest.ListOffsetsTopic().setName(topic).setPartitions(List.of(
                                new ListOffsetsRequest.ListOffsetsPartition().setPartitionIndex(partition).setTimestamp(timestamp))))),
                        (reader, version) -> result(ListOffsetsResponse.read(reader, version), topic, partition), requestTimeout)));
    }

    private static PartitionOffset result(ListOffsetsResponse response, String topic, int partition) {
        ListOffsetsResponse.ListOffsetsPartitionResponse answer = response.topics().stream()
                .flatMap(t -> t.partitions().stream())
                .filter(p -> p.partitionIndex() == partition)
                .findFirst()
                .orElseThrow(() -> new ProtocolException("The ListOffsets response has no answer for " + topic + "-" + partition));
        KafkaError error = KafkaError.forCode(answer.errorCode());
        if (error != KafkaError.NONE) {
            throw KafkaErrorExceptions.of(error, topic, partition, null);
        }
        return new PartitionOffset(topic, partition, answer.offset(), answer.timestamp(), answer.leaderEpoch());
    }
}
