package io.kafkaex.client;

import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.FetchRequest;
import io.kafkaex.protocol.message.FetchResponse;
import io.kafkaex.retry.RetryPolicy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * kafka_ex's fetch: one partition, from one offset, in one Fetch request to its leader (no fetch session).
 * The request's deadline is the client's request timeout plus the fetch's own wait. Leadership errors, lost
 * connections and timeouts are retried on the (new) leader, since reading twice does no harm; other partition
 * errors (e.g. OFFSET_OUT_OF_RANGE) fail with a typed exception.
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class DirectFetcher {

    private final NetworkClient network;
    private final LeaderCalls leaders;
    private final RetryPolicy retry;
    private final Duration requestTimeout;
    private final int maxDecompressedBytes;

    DirectFetcher(NetworkClient network, LeaderCalls leaders, RetryPolicy retry, Duration requestTimeout,
            int maxDecompressedBytes) {
        this.network = network;
        this.leaders = leaders;
        this.retry = retry;
        this.requestTimeout = requestTimeout;
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    CompletableFuture<FetchResult> fetch(String topic, int partition, long offset, FetchOptions options) {
        if (offset < 0) {
            throw new IllegalArgumentException("Fetch offset must not be negative, was " + offset
                    + "; use earliestOffset/latestOffset to find one");
        }
        return leaders.call(topic, partition, retry, leader -> network.send(leader.address(), TrafficClass.FETCH,
                new RequestSpec<>(ApiKey.FETCH, version -> request(leader, topic, partition, offset, options, version),
                        (reader, version) -> result(FetchResponse.read(reader, version), topic, partition, offset, options),
                        requestTimeout.plus(options.maxWait()))));
    }

    private static FetchRequest request(LeaderCalls.Leader leader, String topic, int partition, long offset,
            FetchOptions options, short version) {
        FetchRequest.FetchTopic fetchTopic = new FetchRequest.FetchTopic().setPartitions(List.of(
                new FetchRequest.FetchPartition().setPartition(partition).setFetchOffset(offset)
                        .setPartitionMaxBytes(options.maxBytes())));
        if (version >= 13) {
            fetchTopic.setTopicId(leader.topic().topicId());
        } else {
            fetchTopic.setTopic(topic);
        }
        FetchRequest request = new FetchRequest().setMaxWaitMs((int) Math.min(Integer.MAX_VALUE, options.maxWait().toMillis()))
                .setMinBytes(options.minBytes()).setMaxBytes(options.maxBytes()).setTopics(List.of(fetchTopic));
        if (version >= 4) {
            request.setIsolationLevel(options.readCommitted() ? (byte) 1 : (byte) 0);
        }
        return request;
    }

    private FetchResult result(FetchResponse response, String topic, int partition, long offset, FetchOptions options) {
        KafkaError topLevel = KafkaError.forCode(response.errorCode());
        if (topLevel != KafkaError.NONE) {
            throw KafkaErrorExceptions.of(topLevel, topic, partition, null);
        }
        FetchResponse.PartitionData data = response.responses().stream()
                .flatMap(t -> t.partitions().stream())
                .filter(p -> p.partitionIndex() == partition)
                .findFirst()
                .orElseThrow(() -> new ProtocolException("The Fetch response has no answer for " + topic + "-" + partition));
        KafkaError error = KafkaError.forCode(data.errorCode());
        if (error != KafkaError.NONE) {
            throw KafkaErrorExceptions.of(error, topic, partition, "fetching from offset " + offset);
        }
        return new FetchResult(topic, partition,
                ReadableRecords.select(data, offset, options.readCommitted(), maxDecompressedBytes).records(),
                data.highWatermark(), data.lastStableOffset(), data.logStartOffset());
    }
}
