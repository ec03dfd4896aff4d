package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.telemetry.RequestEvent;
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
    void topicAdministrationGoesToTheControllerAndMetadataRequestsSpreadOverTheCluster(KafkaTestCluster cluster) {
        RecordingTelemetryListener recorder = new RecordingTelemetryListener();
        try (KafkaExClient client = KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers())
                .clientId("admin-routing-controller").telemetryListener(recorder).build())) {
            String topic = "admin-routing-controller";
            // KRaft brokers name a random live broker as "controller", so compare with the snapshot each call used
            int controllerAtCreate = client.metadataSync().controllerId();
            assertThat(client.createTopicSync(NewTopic.of(topic).withPartitions(6).withReplicationFactor(1)).isSuccess()).isTrue();
            for (int partition = 0; partition < 6; partition++) { // connections to every partition leader
                client.produceSync(topic, partition, List.of(ProduceRecord.of(null, new byte[] {1})), ProduceOptions.defaults());
            }
            int controllerAtDelete = client.metadataSync().controllerId();
            assertThat(client.deleteTopicSync(topic).isSuccess()).isTrue();
            assertThat(client.clusterMetadata().topic(topic)).as("metadata caught up with the delete").isEmpty();

            // kafka_ex 0.13: topic administration goes to the controller
            assertThat(recorder.all(RequestEvent.Start.class)).filteredOn(start -> start.metadata().api() == ApiKey.CREATE_TOPICS)
                    .singleElement().satisfies(start -> assertThat(start.metadata().broker().nodeId()).isEqualTo(controllerAtCreate));
            assertThat(recorder.all(RequestEvent.Start.class)).filteredOn(start -> start.metadata().api() == ApiKey.DELETE_TOPICS)
                    .singleElement().satisfies(start -> assertThat(start.metadata().broker().nodeId()).isEqualTo(controllerAtDelete));

            for (int i = 0; i < 30; i++) {
                client.metadataSync();
            }
            assertThat(recorder.all(RequestEvent.Start.class).stream().filter(start -> start.metadata().api() == ApiKey.METADATA)
                    .map(start -> start.metadata().broker().nodeId()).distinct())
                    .as("kafka_ex 0.11 (#395): metadata requests do not always go to the same broker").hasSizeGreaterThan(1);
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
