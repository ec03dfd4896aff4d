package io.kafkaex.consumer;

import io.kafkaex.client.CommittedOffset;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kafkaex.consumer.GroupTestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * KIP-848 members ({@code group.protocol=consumer}) against the shared broker. Kafka 4.x offers ConsumerGroupHeartbeat
 * v1; 3.9 offers only v0 and answers it with UNSUPPORTED_VERSION unless the consumer protocol is enabled, which it is
 * not by default. Each test runs on the brokers it is about and is skipped, with the reason, on the others.
 */
@KafkaExBroker
class ConsumerProtocolGroupIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Test
    void twoMembersShareSixPartitionsAndWhenOneClosesTheOtherTakesAllWithoutLosingOrRepeatingRecords(
            KafkaTestCluster cluster) {
        assumeTrue(offersConsumerProtocol(cluster), "the broker offers no ConsumerGroupHeartbeat v1+: KIP-848 is "
                + "generally available from Kafka 4.0, and 3.9 refuses it unless enabled");
        String topic = "cpg-it-share";
        String group = "cpg-it-share-group";
        cluster.createTopic(topic, 6, 1);
        GroupTestSupport.produce(cluster, topic, 6, 1_000);
        Map<TopicPartition, Map<Long, AtomicInteger>> handled = new ConcurrentHashMap<>();
        GroupTestSupport.Recorder recorderA = new GroupTestSupport.Recorder(handled);
        GroupTestSupport.Recorder recorderB = new GroupTestSupport.Recorder(handled);
        recorderA.sleepPerBatch = Duration.ofMillis(20);
        recorderB.sleepPerBatch = Duration.ofMillis(20);
        KafkaExConsumerGroup a = KafkaExConsumerGroup.start(consumerProtocol(cluster, group, topic, "a"), recorderA);
        KafkaExConsumerGroup b = KafkaExConsumerGroup.start(consumerProtocol(cluster, group, topic, "b"), recorderB);
        try {
            Eventually.until(SETTLE, () -> a.isStable() && b.isStable() && !a.assignments().isEmpty()
                    && !b.assignments().isEmpty() && a.assignments().size() + b.assignments().size() == 6);
            Set<TopicPartition> union = new HashSet<>(a.assignments());
            union.addAll(b.assignments());
            assertThat(union).as("each partition owned by exactly one member").hasSize(6);
            assertThat(a.generationId()).as("member epoch").isPositive();
            Eventually.until(SETTLE, () -> recorderA.distinctHandled() > 300);

            a.close();
            Eventually.until(SETTLE, () -> b.isStable() && b.assignments().size() == 6);
            Eventually.until(SETTLE, () -> recorderB.distinctHandled() == 6_000);
            assertThat(handled.values()).allSatisfy(offsets -> assertThat(offsets).hasSize(1_000));
            assertThat(handled.values().stream().flatMap(offsets -> offsets.values().stream())
                    .filter(count -> count.get() > 1)).as("a clean close commits before its partitions move").isEmpty();
            assertThat(b.isFailed()).isFalse();
        } finally {
            a.close();
            b.close();
        }
        try (KafkaExClient client = KafkaExClient.create(GroupTestSupport.client(cluster, "cpg-it-share-check"))) {
            for (int p = 0; p < 6; p++) {
                List<CommittedOffset> committed = client.fetchCommittedOffsetSync(group, topic, List.of(p));
                assertThat(committed.get(0).offset()).as("partition %d committed with the member epoch", p)
                        .isEqualTo(1_000);
            }
        }
    }

    @Test
    void onABrokerWithoutTheConsumerProtocolTheMemberFailsSayingToUseClassic(KafkaTestCluster cluster) {
        assumeFalse(offersConsumerProtocol(cluster), "the broker offers ConsumerGroupHeartbeat v1+ (Kafka 4.0+)");
        String topic = "cpg-it-unsupported";
        cluster.createTopic(topic, 1, 1);
        KafkaExConsumerGroup member = KafkaExConsumerGroup.start(
                consumerProtocol(cluster, "cpg-it-unsupported-group", topic, "old-broker"), new GroupTestSupport.Recorder());
        try {
            Eventually.until(SETTLE, member::isFailed);
            assertThat(member.failure()).get().satisfies(error -> assertThat(error.getMessage())
                    .contains("does not support group.protocol=consumer", "GroupProtocolType.CLASSIC"));
        } finally {
            member.close();
        }
    }

    private static ConsumerGroupOptions consumerProtocol(KafkaTestCluster cluster, String group, String topic,
            String clientId) {
        return member(cluster, group, topic, clientId).groupProtocol(GroupProtocolType.CONSUMER).build();
    }

    /** Whether ApiVersions offers ConsumerGroupHeartbeat v1 (KIP-1082), as every Kafka 4 broker does. */
    private static boolean offersConsumerProtocol(KafkaTestCluster cluster) {
        try (KafkaExClient client = KafkaExClient.create(GroupTestSupport.client(cluster, "cpg-it-api-versions"))) {
            return client.apiVersionsSync().range(ApiKey.CONSUMER_GROUP_HEARTBEAT).filter(range -> range.max() >= 1)
                    .isPresent();
        }
    }
}
