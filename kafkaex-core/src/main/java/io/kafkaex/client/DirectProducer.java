package io.kafkaex.client;

import io.kafkaex.cluster.TopicInfo;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.ProtocolMessage;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.ProduceRequest;
import io.kafkaex.protocol.message.ProduceResponse;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.RecordBatchBuilder;
import io.kafkaex.protocol.record.compression.CompressionType;
import io.kafkaex.retry.RetryPolicy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * kafka_ex's produce: one batch, to one partition, in one Produce request to its leader. Leadership errors
 * and a request that was never sent (refused connection, leader gone before the write), after which the write
 * certainly did not happen, refresh metadata and retry with backoff; anything else, including a timeout or a
 * connection lost with the request in flight, fails at once, since the write may have happened (the batching,
 * idempotent producer of a later issue can retry those safely).
 *
 * <p>Thread-safe; continuations run on the network's event loop.
 */
final class DirectProducer {

    private final NetworkClient network;
    private final LeaderCalls leaders;
    private final RetryPolicy retry;
    private final Duration requestTimeout;

    DirectProducer(NetworkClient network, LeaderCalls leaders, RetryPolicy retry, Duration requestTimeout) {
        this.network = network;
        this.leaders = leaders;
        this.retry = retry;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<RecordMetadata> produce(String topic, int partition, List<ProduceRecord> records, ProduceOptions options) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("Produce at least one record");
        }
        ByteBuffer batch = batch(records, options);
        return leaders.call(topic, partition, retry, leader -> send(leader, topic, partition, batch, options));
    }

    private CompletableFuture<RecordMetadata> send(LeaderCalls.Leader target, String topic, int partition, ByteBuffer batch,
            ProduceOptions options) {
        Function<Short, ProtocolMessage> body = version -> request(version, target.topic(), partition, batch, options);
        Duration deadline = requestTimeout.plus(options.timeout());
        if (options.acks() == Acks.NONE) {
            return network.send(target.address(), TrafficClass.PRODUCE, RequestSpec.<Void>withoutResponse(ApiKey.PRODUCE, body, deadline))
                    .thenApply(ignored -> new RecordMetadata(topic, partition, -1, -1, -1));
        }
        return network.send(target.address(), TrafficClass.PRODUCE, new RequestSpec<>(ApiKey.PRODUCE, body,
                (reader, version) -> result(ProduceResponse.read(reader, version), topic, partition), deadline));
    }

    /**
     * The Produce request at {@code version}. zstd batches need v7 (Kafka 2.1) or later: below it the request
     * fails here, naming the version, instead of reaching a broker that cannot read it.
     */
    static ProduceRequest request(short version, TopicInfo topic, int partition, ByteBuffer batch, ProduceOptions options) {
        if (options.compression() == CompressionType.ZSTD && version < 7) {
            throw KafkaErrorExceptions.of(KafkaError.UNSUPPORTED_COMPRESSION_TYPE, topic.name(), partition,
                    "zstd needs Produce v7 or later (Kafka 2.1+), but this broker's highest common version is v" + version);
        }
        ProduceRequest.TopicProduceData data = new ProduceRequest.TopicProduceData().setPartitionData(List.of(
                new ProduceRequest.PartitionProduceData().setIndex(partition).setRecords(batch.duplicate())));
        if (version >= 13) {
            data.setTopicId(topic.topicId());
        } else {
            data.setName(topic.name());
        }
        return new ProduceRequest().setAcks(options.acks().wireValue())
                .setTimeoutMs((int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis())).setTopicData(List.of(data));
    }

    private static RecordMetadata result(ProduceResponse response, String topic, int partition) {
        ProduceResponse.PartitionProduceResponse answer = response.responses().stream()
                .flatMap(t -> t.partitionResponses().stream())
                .filter(p -> p.index() == partition)
                .findFirst()
                .orElseThrow(() -> new ProtocolException("The Produce response has no answer for " + topic + "-" + partition));
        KafkaError error = KafkaError.forCode(answer.errorCode());
        if (error != KafkaError.NONE) {
            throw KafkaErrorExceptions.of(error, topic, partition, answer.errorMessage());
        }
        return new RecordMetadata(topic, partition, answer.baseOffset(), answer.logAppendTimeMs(), answer.logStartOffset());
    }

    private static ByteBuffer batch(List<ProduceRecord> records, ProduceOptions options) {
        long now = System.currentTimeMillis();
        int estimate = RecordBatchBuilder.HEADER_SIZE;
        for (ProduceRecord record : records) {
            estimate += RecordBatchBuilder.maxRecordSize(size(record.key()), size(record.value()), headers(record));
        }
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(estimate))
                .compression(options.codec());
        for (ProduceRecord record : records) {
            builder.append(record.timestamp() == ProduceRecord.NOW ? now : record.timestamp(), record.key(), record.value(),
                    headers(record));
        }
        return builder.build();
    }

    private static int size(ByteBuffer buffer) {
        return buffer == null ? -1 : buffer.remaining();
    }

    private static Header[] headers(ProduceRecord record) {
        return record.headers().toArray(Header[]::new);
    }

}
