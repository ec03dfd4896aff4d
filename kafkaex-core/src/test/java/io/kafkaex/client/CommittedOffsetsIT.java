package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.error.KafkaGroupMembershipException;
import io.kafkaex.test.KafkaTestCluster;
import io.kafkaex.test.junit.KafkaExBroker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** OffsetCommit and OffsetFetch against a real broker, checked against the Java consumer. */
@KafkaExBroker
class CommittedOffsetsIT {

    @Test
    void commitsAndFetchesOffsetsInRequestOrder(KafkaTestCluster cluster) {
        String topic = "committed-it-order";
        String group = "committed-it-order-group";
        cluster.createTopic(topic, 4, 1);
        try (KafkaExClient client = client(cluster, "committed-offsets-it")) {
            List<CommitResult> committed = client.commitOffsetSync(group, topic, List.of(
                    PartitionCommit.of(2, 20).withMetadata("two").withLeaderEpoch(0), PartitionCommit.of(0, 5),
                    PartitionCommit.of(3, 33)), CommitOptions.standalone());
            assertThat(committed).extracting(CommitResult::partition, CommitResult::error)
                    .containsExactly(tuple(2, KafkaError.NONE), tuple(0, KafkaError.NONE), tuple(3, KafkaError.NONE));

            List<CommittedOffset> fetched = client.fetchCommittedOffsetSync(group, topic, List.of(3, 1, 0, 2));
            assertThat(fetched).extracting(CommittedOffset::partition, CommittedOffset::offset, CommittedOffset::metadata)
                    .containsExactly(tuple(3, 33L, ""), tuple(1, -1L, ""), tuple(0, 5L, ""), tuple(2, 20L, "two"));
            assertThat(fetched).extracting(CommittedOffset::error).containsOnly(KafkaError.NONE);
            assertThat(fetched.get(3).leaderEpoch()).isZero();
            assertThat(fetched.get(1).isCommitted()).isFalse();

            assertThat(client.fetchCommittedOffsetSync("committed-it-never-used", topic, List.of(0, 9)))
                    .extracting(CommittedOffset::partition, CommittedOffset::offset).containsExactly(tuple(0, -1L), tuple(9, -1L));
        }
    }

    @Test
    void partitionErrorsAreResultsAndGroupErrorsAreTypedExceptions(KafkaTestCluster cluster) {
        String topic = "committed-it-errors";
        cluster.createTopic(topic, 1, 1);
        try (KafkaExClient client = client(cluster, "committed-offsets-it")) {
            List<CommitResult> unknownTopic = client.commitOffsetSync("committed-it-errors-group", "committed-it-no-such-topic",
                    List.of(PartitionCommit.of(0, 1), PartitionCommit.of(1, 1)), CommitOptions.standalone());
            assertThat(unknownTopic).extracting(CommitResult::partition).containsExactly(0, 1);
            assertThat(unknownTopic).extracting(CommitResult::error)
                    .allMatch(error -> error == KafkaError.UNKNOWN_TOPIC_OR_PARTITION || error == KafkaError.UNKNOWN_TOPIC_ID);

            assertThatThrownBy(() -> client.commitOffsetSync("committed-it-errors-nothing", topic, List.of(PartitionCommit.of(0, 1)),
                    CommitOptions.member(7, "no-such-member"))).isInstanceOfSatisfying(KafkaErrorException.class,
                    error -> assertThat(error.error()).as("a group error, not a partition result").isIn(KafkaError.GROUP_ID_NOT_FOUND,
                            KafkaError.ILLEGAL_GENERATION, KafkaError.UNKNOWN_MEMBER_ID))
                    .hasMessageContaining("committed-it-errors-nothing");

            client.commitOffsetSync("committed-it-errors-group", topic, List.of(PartitionCommit.of(0, 1)), CommitOptions.standalone());
            assertThatThrownBy(() -> client.commitOffsetSync("committed-it-errors-group", topic, List.of(PartitionCommit.of(0, 2)),
                    CommitOptions.member(7, "no-such-member"))).isInstanceOf(KafkaGroupMembershipException.class)
                    .hasMessageContaining("committed-it-errors-group");
            assertThat(client.fetchCommittedOffsetSync("committed-it-errors-group", topic, List.of(0)).get(0).offset())
                    .as("the fenced commit changed nothing").isEqualTo(1);
        }
    }

    @Test
    void theJavaConsumerSeesOurCommitsAndWeSeeItsCommits(KafkaTestCluster cluster) {
        String topic = "committed-it-interop";
        String group = "committed-it-interop-group";
        cluster.createTopic(topic, 3, 1);
        try (KafkaExClient client = client(cluster, "committed-offsets-it");
                KafkaConsumer<byte[], byte[]> consumer = javaConsumer(cluster, group)) {
            client.commitOffsetSync(group, topic, List.of(PartitionCommit.of(0, 11).withMetadata("from kafkaex"),
                    PartitionCommit.of(1, 12)), CommitOptions.standalone());
            Map<TopicPartition, OffsetAndMetadata> seenByJava = consumer.committed(Set.of(new TopicPartition(topic, 0),
                    new TopicPartition(topic, 1), new TopicPartition(topic, 2)), Duration.ofSeconds(30));
            assertThat(seenByJava.get(new TopicPartition(topic, 0))).isEqualTo(new OffsetAndMetadata(11, "from kafkaex"));
            assertThat(seenByJava.get(new TopicPartition(topic, 1)).offset()).isEqualTo(12);
            assertThat(seenByJava.get(new TopicPartition(topic, 2))).isNull();

            consumer.commitSync(Map.of(new TopicPartition(topic, 2), new OffsetAndMetadata(42, "from java"),
                    new TopicPartition(topic, 0), new OffsetAndMetadata(7)), Duration.ofSeconds(30));
            assertThat(client.fetchCommittedOffsetSync(group, topic, List.of(0, 1, 2)))
                    .extracting(CommittedOffset::partition, CommittedOffset::offset, CommittedOffset::metadata)
                    .containsExactly(tuple(0, 7L, ""), tuple(1, 12L, ""), tuple(2, 42L, "from java"));
        }
    }

    private static KafkaConsumer<byte[], byte[]> javaConsumer(KafkaTestCluster cluster, String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    /** More retries than the default: the broker creates its offsets topic on the first coordinator lookup. */
    static KafkaExClient client(KafkaTestCluster cluster, String clientId) {
        return KafkaExClient.create(KafkaExClientOptions.builder().bootstrapServers(cluster.bootstrapServers())
                .clientId(clientId).maxRetries(30).build());
    }
}
