package io.kafkaex.spring.core;

import static io.kafkaex.spring.core.KafkaExTemplateIT.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.client.CommittedOffset;
import io.kafkaex.client.FetchOptions;
import io.kafkaex.client.GroupListing;
import io.kafkaex.client.NewTopic;
import io.kafkaex.client.PartitionCommit;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The admin bean and declared topics against a real broker. */
@KafkaExBroker
class KafkaExAdminIT {

    private static final String TOPIC = "KafkaExAdminIT";

    private static KafkaTestCluster broker;
    private static ApplicationContextRunner runner;

    @BeforeAll
    static void connect(KafkaTestCluster cluster) {
        broker = cluster;
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withPropertyValues("kafkaex.bootstrap-servers=" + cluster.bootstrapServers());
    }

    @Test
    void aDeclaredTopicExistsAfterStartUpWithItsPartitions() {
        String name = TOPIC + "-declared";
        runner.withBean(NewTopic.class, () -> NewTopic.of(name).withPartitions(3).withReplicationFactor(1))
                .run(context -> assertThat(context.getBean(KafkaExAdmin.class).describeTopics(List.of(name)).get(name)
                        .partitions()).hasSize(3));
    }

    @Test
    void anExistingTopicWithFewerPartitionsThanDeclaredGrows() {
        String name = TOPIC + "-grown";
        broker.createTopic(name, 1, 1);
        runner.withBean(NewTopic.class, () -> NewTopic.of(name).withPartitions(4))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(KafkaExAdmin.class).describeTopics(List.of(name)).get(name).partitions())
                            .hasSize(4);
                });
    }

    @Test
    void aTopicTheBrokerRefusesFailsTheStartUpWhenFailFastNamingTopicAndError() {
        String name = TOPIC + "-refused";
        runner.withBean(NewTopic.class, () -> NewTopic.of(name).withConfigs(Map.of("cleanup.policy", "no-such-policy")))
                .withPropertyValues("kafkaex.admin.fail-fast=true")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining(name)
                        .hasMessageContaining(KafkaError.INVALID_CONFIG.name()));
    }

    @Test
    void aTopicTheBrokerRefusesOnlyWarnsWithoutFailFast() {
        String name = TOPIC + "-refused-quietly";
        runner.withBean(NewTopic.class, () -> NewTopic.of(name).withConfigs(Map.of("cleanup.policy", "no-such-policy")))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(KafkaExAdmin.class).describeTopics(List.of(name)).get(name).error())
                            .isEqualTo(KafkaError.UNKNOWN_TOPIC_OR_PARTITION);
                });
    }

    @Test
    void offsetsCommittedOffsetsGroupsAndFetchesGoThroughTheAdmin() {
        String name = TOPIC + "-operations";
        String group = TOPIC + "-group";
        runner.withBean(NewTopic.class, () -> NewTopic.of(name).withPartitions(1)).run(context -> {
            KafkaExAdmin admin = context.getBean(KafkaExAdmin.class);
            template(context).send(name, "a").join();
            template(context).send(name, "b").join();

            assertThat(admin.earliestOffset(name, 0)).isZero();
            assertThat(admin.latestOffset(name, 0)).isEqualTo(2);
            assertThat(admin.fetch(name, 0, 1, FetchOptions.defaults().withMaxWait(Duration.ofMillis(100))).records())
                    .extracting(record -> BrokerRecords.text(record.value())).containsExactly("b");
            assertThat(admin.commitOffsets(group, name, List.of(PartitionCommit.of(0, 1))))
                    .allSatisfy(result -> assertThat(result.error()).isEqualTo(KafkaError.NONE));
            assertThat(admin.fetchCommittedOffsets(group, name, List.of(0))).extracting(CommittedOffset::offset)
                    .containsExactly(1L);
            assertThat(admin.listGroups()).extracting(GroupListing::groupId).contains(group);
            assertThat(admin.describeGroups(List.of(group))).singleElement()
                    .satisfies(description -> assertThat(description.error()).isEqualTo(KafkaError.NONE));
            assertThat(admin.deleteGroups(List.of(group))).singleElement()
                    .satisfies(result -> assertThat(result.error()).isEqualTo(KafkaError.NONE));
            assertThat(admin.deleteTopics(List.of(name)).isSuccess()).isTrue();
        });
    }
}
