package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafkaex.client.ConfigEntry.Source;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.junit.jupiter.api.Test;

/** describeConfigs and alterConfigs against a real broker, cross-checked with kafka-clients' Admin (test scope). */
@KafkaExBroker
class ConfigsIT {

    @Test
    void describesATopicsOwnAndDefaultConfigs(KafkaTestCluster cluster) throws Exception {
        String topic = "configs-it-describe";
        try (KafkaExClient client = AdminIT.client(cluster)) {
            assertThat(client.createTopicSync(NewTopic.of(topic).withPartitions(1).withReplicationFactor(1)
                    .withConfigs(Map.of("retention.ms", "86400000"))).isSuccess()).isTrue();
            ConfigResource resource = ConfigResource.topic(topic);

            ResourceConfigs configs = client.describeConfigsSync(List.of(resource), DescribeConfigsOptions.defaults())
                    .resource(resource).orElseThrow();

            assertThat(configs.error()).isEqualTo(KafkaError.NONE);
            assertThat(configs.entry("retention.ms")).hasValueSatisfying(entry -> {
                assertThat(entry.value()).isEqualTo("86400000");
                assertThat(entry.source()).isEqualTo(Source.DYNAMIC_TOPIC_CONFIG);
                assertThat(entry.readOnly()).isFalse();
                assertThat(entry.sensitive()).isFalse();
                assertThat(entry.synonyms()).as("not asked for").isEmpty();
                assertThat(entry.documentation()).as("not asked for").isNull();
            });
            assertThat(configs.entry("cleanup.policy")).hasValueSatisfying(entry -> {
                assertThat(entry.value()).isEqualTo("delete");
                assertThat(entry.source()).isEqualTo(Source.DEFAULT_CONFIG);
            });
            Config oracle = javaDescribe(cluster, org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
            assertThat(configs.entries()).extracting(ConfigEntry::name, ConfigEntry::value, e -> e.source().name())
                    .containsExactlyInAnyOrderElementsOf(oracle.entries().stream()
                            .map(e -> tuple(e.name(), e.value(), e.source().name())).toList());
        }
    }

    @Test
    void describesSelectedEntriesWithSynonymsAndDocumentation(KafkaTestCluster cluster) {
        String topic = "configs-it-selected";
        cluster.createTopic(topic, 1, 1, Map.of("retention.ms", "7200000"));
        try (KafkaExClient client = AdminIT.client(cluster)) {
            ResourceConfigs configs = client.describeConfigsSync(List.of(ConfigResource.topic(topic)), DescribeConfigsOptions
                    .defaults().withConfigNames("retention.ms", "cleanup.policy").withSynonyms(true).withDocumentation(true))
                    .resources().get(0);

            assertThat(configs.entries()).extracting(ConfigEntry::name).containsExactlyInAnyOrder("retention.ms", "cleanup.policy");
            assertThat(configs.entry("retention.ms")).hasValueSatisfying(entry -> {
                assertThat(entry.type()).isEqualTo(ConfigEntry.Type.LONG);
                assertThat(entry.documentation()).isNotBlank();
                assertThat(entry.synonyms()).first().isEqualTo(new ConfigEntry.Synonym("retention.ms", "7200000",
                        Source.DYNAMIC_TOPIC_CONFIG));
            });
            assertThat(configs.entry("cleanup.policy")).hasValueSatisfying(entry -> {
                assertThat(entry.type()).isEqualTo(ConfigEntry.Type.LIST);
                assertThat(entry.synonyms()).as("the broker default under the topic's name")
                        .contains(new ConfigEntry.Synonym("log.cleanup.policy", "delete", Source.DEFAULT_CONFIG));
            });
        }
    }

    @Test
    void describesABrokerByAskingThatBrokerAndReportsPerResourceErrors(KafkaTestCluster cluster) throws Exception {
        int brokerId = cluster.brokerIds().get(0);
        try (KafkaExClient client = AdminIT.client(cluster)) {
            List<ConfigResource> resources = List.of(ConfigResource.broker(brokerId), ConfigResource.topic("configs-it-missing"),
                    ConfigResource.broker(999), ConfigResource.brokerLoggers(brokerId));

            ConfigsResult result = client.describeConfigsSync(resources, DescribeConfigsOptions.defaults());

            assertThat(result.resources()).extracting(ResourceConfigs::resource).containsExactlyElementsOf(resources);
            ResourceConfigs broker = result.resources().get(0);
            assertThat(broker.error()).isEqualTo(KafkaError.NONE);
            String oracle = javaDescribe(cluster, org.apache.kafka.common.config.ConfigResource.Type.BROKER,
                    Integer.toString(brokerId)).get("log.retention.hours").value();
            assertThat(broker.entry("log.retention.hours")).hasValueSatisfying(entry -> {
                assertThat(entry.value()).isEqualTo(oracle).isEqualTo("168");
                assertThat(entry.source()).isEqualTo(Source.DEFAULT_CONFIG);
            });
            assertThat(broker.entry("offsets.topic.num.partitions")).as("set in server.properties")
                    .hasValueSatisfying(entry -> assertThat(entry.source()).isEqualTo(Source.STATIC_BROKER_CONFIG));
            assertThat(broker.entries()).filteredOn(ConfigEntry::sensitive).isNotEmpty()
                    .allSatisfy(entry -> assertThat(entry.value()).isNull());
            assertThat(result.resources().get(1).error()).isEqualTo(KafkaError.UNKNOWN_TOPIC_OR_PARTITION);
            assertThat(result.resources().get(2).error()).isEqualTo(KafkaError.BROKER_NOT_AVAILABLE);
            assertThat(result.resources().get(2).message()).contains("999");
            assertThat(result.resources().get(3).entries()).isNotEmpty()
                    .allSatisfy(entry -> assertThat(entry.source()).isEqualTo(Source.DYNAMIC_BROKER_LOGGER_CONFIG));
            assertThat(result.failed()).hasSize(2);
        }
    }

    @Test
    void altersTopicConfigsIncrementallyAndValidatesWithoutChanging(KafkaTestCluster cluster) {
        String topic = "configs-it-alter";
        cluster.createTopic(topic, 1, 1);
        ConfigResource resource = ConfigResource.topic(topic);
        try (KafkaExClient client = AdminIT.client(cluster)) {
            String defaultRetention = entry(client, resource, "retention.ms").value();

            assertThat(alter(client, resource, false, AlterConfigOp.set("retention.ms", "3600000"),
                    AlterConfigOp.append("cleanup.policy", "compact")).isSuccess()).isTrue();
            assertThat(entry(client, resource, "retention.ms").value()).isEqualTo("3600000");
            assertThat(entry(client, resource, "retention.ms").source()).isEqualTo(Source.DYNAMIC_TOPIC_CONFIG);
            assertThat(entry(client, resource, "cleanup.policy").value()).isEqualTo("delete,compact");

            assertThat(alter(client, resource, true, AlterConfigOp.set("retention.ms", "1000")).isSuccess()).isTrue();
            assertThat(entry(client, resource, "retention.ms").value()).as("validate-only changes nothing").isEqualTo("3600000");

            assertThat(alter(client, resource, false, AlterConfigOp.delete("retention.ms"),
                    AlterConfigOp.subtract("cleanup.policy", "delete")).isSuccess()).isTrue();
            ConfigEntry reverted = entry(client, resource, "retention.ms");
            assertThat(reverted.value()).isEqualTo(defaultRetention);
            assertThat(reverted.source()).isEqualTo(Source.DEFAULT_CONFIG);
            assertThat(entry(client, resource, "cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void alterReportsAnInvalidConfigPerResourceWithTheBrokersMessage(KafkaTestCluster cluster) {
        String good = "configs-it-alter-good";
        String bad = "configs-it-alter-bad";
        cluster.createTopic(good, 1, 1);
        cluster.createTopic(bad, 1, 1);
        int brokerId = cluster.brokerIds().get(0);
        try (KafkaExClient client = AdminIT.client(cluster)) {
            Map<ConfigResource, List<AlterConfigOp>> changes = new LinkedHashMap<>();
            changes.put(ConfigResource.topic(bad), List.of(AlterConfigOp.set("no.such.config", "1")));
            changes.put(ConfigResource.topic(good), List.of(AlterConfigOp.set("retention.ms", "7200000")));
            changes.put(ConfigResource.broker(brokerId), List.of(AlterConfigOp.set("log.cleaner.threads", "2")));
            changes.put(ConfigResource.broker(999), List.of(AlterConfigOp.set("log.cleaner.threads", "2")));

            AlterConfigsResult result = client.alterConfigsSync(changes, true);

            assertThat(result.resources()).extracting(ConfigResourceResult::resource).containsExactlyElementsOf(changes.keySet());
            assertThat(result.failed()).extracting(r -> r.resource().name(), ConfigResourceResult::error).containsExactly(
                    tuple(bad, KafkaError.INVALID_CONFIG), tuple("999", KafkaError.BROKER_NOT_AVAILABLE));
            assertThat(result.failed().get(0).message()).contains("no.such.config");
            assertThat(entry(client, ConfigResource.topic(good), "retention.ms").source()).as("validate-only")
                    .isEqualTo(Source.DEFAULT_CONFIG);
        }
    }

    @Test
    void altersABrokersLoggersOnThatBroker(KafkaTestCluster cluster) {
        ConfigResource loggers = ConfigResource.brokerLoggers(cluster.brokerIds().get(0));
        String logger = "kafka.log.LogCleaner";
        try (KafkaExClient client = AdminIT.client(cluster)) {
            assertThat(alter(client, loggers, false, AlterConfigOp.set(logger, "ERROR")).isSuccess()).isTrue();
            try {
                assertThat(entry(client, loggers, logger).value()).isEqualTo("ERROR");
            } finally {
                assertThat(alter(client, loggers, false, AlterConfigOp.delete(logger)).isSuccess()).isTrue();
            }
        }
    }

    private static AlterConfigsResult alter(KafkaExClient client, ConfigResource resource, boolean validateOnly,
            AlterConfigOp... ops) {
        return client.alterConfigsSync(Map.of(resource, List.of(ops)), validateOnly);
    }

    private static ConfigEntry entry(KafkaExClient client, ConfigResource resource, String name) {
        return client.describeConfigsSync(List.of(resource), DescribeConfigsOptions.defaults().withConfigNames(name))
                .resource(resource).flatMap(configs -> configs.entry(name)).orElseThrow();
    }

    private static Config javaDescribe(KafkaTestCluster cluster, org.apache.kafka.common.config.ConfigResource.Type type,
            String name) throws Exception {
        org.apache.kafka.common.config.ConfigResource resource = new org.apache.kafka.common.config.ConfigResource(type, name);
        try (Admin admin = AdminIT.javaAdmin(cluster)) {
            return admin.describeConfigs(List.of(resource)).all().get().get(resource);
        }
    }
}
