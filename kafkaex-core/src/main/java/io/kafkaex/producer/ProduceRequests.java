package io.kafkaex.producer;

import io.kafkaex.client.Acks;
import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.TopicInfo;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.ProduceRequest;
import io.kafkaex.protocol.message.ProduceResponse;
import io.kafkaex.protocol.record.compression.CompressionType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns drained batches into one Produce request for their broker, and finds each batch's answer in the
 * response: topics by name up to v12, by topic id from v13. Stateless.
 */
final class ProduceRequests {

    private ProduceRequests() {
    }

    /**
     * The Produce request at {@code version} for {@code batches}. zstd needs v7 (Kafka 2.1) or later; below it
     * the request fails here instead of reaching a broker that cannot read it.
     */
    static ProduceRequest request(short version, List<ProducerBatch> batches, ClusterMetadata cluster, Acks acks,
            Duration timeout, CompressionType compression, String transactionalId) {
        if (compression == CompressionType.ZSTD && version < 7) {
            ProducerBatch first = batches.get(0);
            throw KafkaErrorExceptions.of(KafkaError.UNSUPPORTED_COMPRESSION_TYPE, first.partition.topic(),
                    first.partition.partition(), "zstd needs Produce v7 or later (Kafka 2.1+), but this broker's highest"
                            + " common version is v" + version);
        }
        Map<String, ProduceRequest.TopicProduceData> topics = new LinkedHashMap<>();
        for (ProducerBatch batch : batches) {
            String topic = batch.partition.topic();
            ProduceRequest.TopicProduceData data = topics.computeIfAbsent(topic, name -> topicData(version, name, cluster));
            data.partitionData().add(new ProduceRequest.PartitionProduceData().setIndex(batch.partition.partition())
                    .setRecords(batch.close()));
        }
        return new ProduceRequest().setTransactionalId(transactionalId).setAcks(acks.wireValue())
                .setTimeoutMs((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setTopicData(new ArrayList<>(topics.values()));
    }

    private static ProduceRequest.TopicProduceData topicData(short version, String topic, ClusterMetadata cluster) {
        ProduceRequest.TopicProduceData data = new ProduceRequest.TopicProduceData().setPartitionData(new ArrayList<>());
        if (version >= 13) {
            UUID id = cluster.topic(topic).map(TopicInfo::topicId).orElse(TopicInfo.NO_TOPIC_ID);
            return data.setTopicId(id);
        }
        return data.setName(topic);
    }

    /** Each partition's answer, by "topic-partition" of the request's batches; missing ones are absent. */
    static Map<String, ProduceResponse.PartitionProduceResponse> answers(ProduceResponse response, List<ProducerBatch> batches,
            ClusterMetadata cluster) {
        Map<UUID, String> names = new HashMap<>();
        for (ProducerBatch batch : batches) {
            cluster.topic(batch.partition.topic()).ifPresent(topic -> names.put(topic.topicId(), topic.name()));
        }
        Map<String, ProduceResponse.PartitionProduceResponse> answers = new HashMap<>();
        for (ProduceResponse.TopicProduceResponse topic : response.responses()) {
            String name = topic.name() != null && !topic.name().isEmpty() ? topic.name() : names.get(topic.topicId());
            for (ProduceResponse.PartitionProduceResponse partition : topic.partitionResponses()) {
                answers.put(name + "-" + partition.index(), partition);
            }
        }
        return answers;
    }
}
