package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Where admin requests go in a 3-broker cluster: a broker's configuration only from that broker (another one
 * refuses with INVALID_REQUEST), DeleteRecords split by partition leader.
 */
@KafkaExCluster(brokers = 3)
class AdminRoutingIT {

    @Test
    void brokerConfigsAreAskedOfAndAlteredOnTheirOwnBroker(KafkaTestCluster cluster) {
        List<Integer> ids = new ArrayList<>(cluster.brokerIds());
        Collections.reverse(ids); // not the order in which "any broker" takes turns
        try (KafkaExClient client = AdminIT.client(cluster)) {
            List<ConfigResource> brokers = ids.stream().map(ConfigResource::broker).toList();

            ConfigsResult described = client.describeConfigsSync(brokers, DescribeConfigsOptions.defaults().withConfigNames("node.id"));

            assertThat(described.isSuccess()).as("%s", described.failed()).isTrue();
            assertThat(described.resources()).extracting(configs -> configs.entry("node.id").orElseThrow().value())
                    .containsExactlyElementsOf(ids.stream().map(String::valueOf).toList());
            Map<ConfigResource, List<AlterConfigOp>> loggers = new LinkedHashMap<>();
            ids.forEach(id -> loggers.put(ConfigResource.brokerLoggers(id), List.of(AlterConfigOp.set("kafka.log.LogCleaner", "ERROR"))));
            AlterConfigsResult altered = client.alterConfigsSync(loggers, true);
            assertThat(altered.isSuccess()).as("%s", altered.failed()).isTrue();
        }
    }

    @Test
    void deleteRecordsReachesEveryPartitionLeader(KafkaTestCluster cluster) {
        String topic = "admin-routing-delete";
        cluster.createTopic(topic, 6, 1);
        try (KafkaExClient client = AdminIT.client(cluster)) {
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            for (int partition = 0; partition < 6; partition++) {
                client.produceSync(topic, partition, IntStream.range(0, partition + 1)
                        .mapToObj(i -> ProduceRecord.of(null, new byte[] {(byte) i})).toList(), ProduceOptions.defaults());
                offsets.put(new TopicPartition(topic, partition), (long) partition);
            }
            assertThat(client.clusterMetadata().topic(topic).orElseThrow().partitions().stream().map(p -> p.leaderId()).distinct())
                    .as("leaders spread over the brokers").hasSizeGreaterThan(1);

            DeleteRecordsResult result = client.deleteRecordsSync(offsets, Duration.ofSeconds(10));

            assertThat(result.partitions()).extracting(DeletedRecords::error).containsOnly(KafkaError.NONE);
            assertThat(result.partitions()).extracting(DeletedRecords::lowWatermark).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        }
    }
}
