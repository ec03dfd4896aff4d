package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.junit.jupiter.api.Test;

/**
 * fetchAll, createPartitions and deleteRecords against a real broker, cross-checked with kafka-clients' Admin
 * (test scope).
 */
@KafkaExBroker
class AdminIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void fetchAllStartsAtTheLogStartWhichDeleteRecordsMovesForward(KafkaTestCluster cluster) throws Exception {
        String topic = "admin-it-records";
        cluster.createTopic(topic, 2, 1);
        try (KafkaExClient client = client(cluster)) {
            client.produceSync(topic, 0, IntStream.range(0, 5).mapToObj(i -> ProduceRecord.of(null, bytes("v" + i))).toList(),
                    ProduceOptions.defaults());

            FetchResult all = client.fetchAllSync(topic, 0, FetchOptions.defaults());
            assertThat(all.records()).extracting(Record::offset).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(all.logStartOffset()).isZero();

            DeleteRecordsResult deleted = client.deleteRecordsSync(Map.of(new TopicPartition(topic, 0), 3L), TIMEOUT);
            assertThat(deleted.isSuccess()).isTrue();
            assertThat(deleted.partition(topic, 0)).hasValueSatisfying(p -> assertThat(p.lowWatermark()).isEqualTo(3));
            assertThat(client.earliestOffsetSync(topic, 0)).isEqualTo(3);
            assertThat(javaEarliestOffset(cluster, topic)).as("kafka-clients sees the same log start").isEqualTo(3);

            FetchResult rest = client.fetchAllSync(topic, 0, FetchOptions.defaults());
            assertThat(rest.records()).extracting(Record::offset).containsExactly(3L, 4L);
            assertThat(rest.logStartOffset()).isEqualTo(3);
        }
    }

    @Test
    void deleteRecordsReportsEachPartitionsOwnOutcome(KafkaTestCluster cluster) {
        String topic = "admin-it-delete-outcomes";
        cluster.createTopic(topic, 2, 1);
        try (KafkaExClient client = client(cluster)) {
            client.produceSync(topic, 1, List.of(ProduceRecord.of(null, bytes("a")), ProduceRecord.of(null, bytes("b"))),
                    ProduceOptions.defaults());
            Map<TopicPartition, Long> request = new LinkedHashMap<>();
            request.put(new TopicPartition(topic, 7), 1L);
            request.put(new TopicPartition(topic, 1), -1L);
            request.put(new TopicPartition(topic, 0), 100L);

            DeleteRecordsResult result = client.deleteRecordsSync(request, TIMEOUT);

            assertThat(result.partitions()).extracting(DeletedRecords::partition).containsExactlyElementsOf(request.keySet());
            assertThat(result.partition(topic, 7)).hasValueSatisfying(p -> {
                assertThat(p.error()).isEqualTo(KafkaError.UNKNOWN_TOPIC_OR_PARTITION);
                assertThat(p.message()).contains("the topic has 2 partitions");
                assertThat(p.lowWatermark()).isEqualTo(-1);
            });
            assertThat(result.partition(topic, 1)).as("-1 deletes up to the high watermark")
                    .hasValueSatisfying(p -> assertThat(p.lowWatermark()).isEqualTo(2));
            assertThat(result.partition(topic, 0)).as("beyond the high watermark")
                    .hasValueSatisfying(p -> assertThat(p.error()).isEqualTo(KafkaError.OFFSET_OUT_OF_RANGE));
            assertThat(result.failed()).hasSize(2);
            assertThat(client.earliestOffsetSync(topic, 1)).isEqualTo(2);
        }
    }

    @Test
    void createPartitionsGrowsATopicAndTheClientCanUseTheNewPartitions(KafkaTestCluster cluster) throws Exception {
        String topic = "admin-it-grow";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExClient client = client(cluster)) {
            TopicsResult validated = client.createPartitionsSync(Map.of(topic, 3), TIMEOUT, true);
            assertThat(validated.isSuccess()).isTrue();
            assertThat(client.metadataSync(List.of(topic)).partitionCount(topic)).as("validate-only grows nothing").hasValue(1);

            TopicsResult grown = client.createPartitionsSync(Map.of(topic, 3), TIMEOUT, false);

            assertThat(grown.topics()).singleElement().satisfies(t -> {
                assertThat(t.name()).isEqualTo(topic);
                assertThat(t.error()).isEqualTo(KafkaError.NONE);
            });
            assertThat(client.clusterMetadata().partitionCount(topic)).as("metadata refreshed after growing").hasValue(3);
            assertThat(client.produceOneSync(topic, 2, ProduceRecord.of(null, bytes("new")), ProduceOptions.defaults()).baseOffset())
                    .isZero();
            try (Admin admin = javaAdmin(cluster)) {
                assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(3);
            }
        }
    }

    @Test
    void createPartitionsReportsPerTopicFailures(KafkaTestCluster cluster) {
        String topic = "admin-it-shrink";
        cluster.createTopic(topic, 2, 1);
        try (KafkaExClient client = client(cluster)) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put(topic, 1);
            counts.put("admin-it-no-such-topic", 4);

            TopicsResult result = client.createPartitionsSync(counts, TIMEOUT, false);

            assertThat(result.isSuccess()).isFalse();
            assertThat(result.failedTopics()).extracting(TopicResult::name, TopicResult::error).containsExactlyInAnyOrder(
                    tuple(topic, KafkaError.INVALID_PARTITIONS),
                    tuple("admin-it-no-such-topic", KafkaError.UNKNOWN_TOPIC_OR_PARTITION));
            assertThat(result.failedTopics()).filteredOn(t -> t.name().equals(topic)).singleElement()
                    .satisfies(t -> assertThat(t.message()).isNotBlank());
            assertThat(client.metadataSync(List.of(topic)).partitionCount(topic)).hasValue(2);
        }
    }

    private static long javaEarliestOffset(KafkaTestCluster cluster, String topic) throws Exception {
        try (Admin admin = javaAdmin(cluster)) {
            org.apache.kafka.common.TopicPartition partition = new org.apache.kafka.common.TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).partitionResult(partition).get().offset();
        }
    }

    static Admin javaAdmin(KafkaTestCluster cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    static KafkaExClient client(KafkaTestCluster cluster) {
        return KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers())
                .clientId("admin-it").requestTimeout(Duration.ofSeconds(10)).build());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
