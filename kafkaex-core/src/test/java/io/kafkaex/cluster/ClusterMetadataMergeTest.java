package io.kafkaex.cluster;

import static io.kafkaex.cluster.MetadataFixtures.partition;
import static io.kafkaex.cluster.MetadataFixtures.snapshot;
import static io.kafkaex.cluster.MetadataFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.protocol.error.KafkaError;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClusterMetadataMergeTest {

    private static final UUID ORDERS_ID = new UUID(1, 1);
    private static final PartitionInfo KNOWN = partition("orders", 0, 1, 5);
    private static final ClusterMetadata CURRENT = snapshot(100, topic("orders", ORDERS_ID, KNOWN));

    private static PartitionInfo mergedPartition(PartitionInfo incoming) {
        ClusterMetadata newer = snapshot(200, topic("orders", ORDERS_ID, incoming));
        return CURRENT.merge(newer, MetadataScope.REQUESTED_TOPICS).partition("orders", 0).orElseThrow();
    }

    @Test
    void aNewerLeaderEpochWins() {
        PartitionInfo incoming = partition("orders", 0, 2, 6);
        assertThat(mergedPartition(incoming)).isEqualTo(incoming);
    }

    @Test
    void anEqualLeaderEpochWins() {
        PartitionInfo incoming = new PartitionInfo("orders", 0, 1, 5, List.of(1, 2), List.of(1), List.of(),
                KafkaError.NONE);
        assertThat(mergedPartition(incoming)).isEqualTo(incoming);
    }

    @Test
    void anOlderLeaderEpochFromALaggingBrokerKeepsTheKnownState() {
        assertThat(mergedPartition(partition("orders", 0, 2, 4))).isEqualTo(KNOWN);
    }

    @Test
    void anUnknownEpochInTheNewerResponseWins() {
        PartitionInfo incoming = partition("orders", 0, 2, PartitionInfo.UNKNOWN_EPOCH);
        assertThat(mergedPartition(incoming)).isEqualTo(incoming);
    }

    @Test
    void anyEpochReplacesAnUnknownKnownEpoch() {
        ClusterMetadata current = snapshot(100, topic("orders", ORDERS_ID, partition("orders", 0, 1, -1)));
        PartitionInfo incoming = partition("orders", 0, 2, 0);
        ClusterMetadata merged = current.merge(snapshot(200, topic("orders", ORDERS_ID, incoming)),
                MetadataScope.ALL_TOPICS);
        assertThat(merged.partition("orders", 0)).contains(incoming);
    }

    @Test
    void epochsApplyPerPartitionAndNewPartitionsAreAdded() {
        ClusterMetadata current = snapshot(100, topic("orders", ORDERS_ID, KNOWN, partition("orders", 1, 1, 3)));
        PartitionInfo stale = partition("orders", 0, 2, 4);
        PartitionInfo moved = partition("orders", 1, 2, 4);
        PartitionInfo added = partition("orders", 2, 1, 0);
        ClusterMetadata merged = current.merge(snapshot(200, topic("orders", ORDERS_ID, stale, moved, added)),
                MetadataScope.REQUESTED_TOPICS);
        assertThat(merged.topic("orders").orElseThrow().partitions()).containsExactly(KNOWN, moved, added);
    }

    @Test
    void aRecreatedTopicIsTakenWholeEvenWithLowerEpochs() {
        PartitionInfo fresh = partition("orders", 0, 2, 0);
        TopicInfo recreated = topic("orders", new UUID(2, 2), fresh);
        ClusterMetadata merged = CURRENT.merge(snapshot(200, recreated), MetadataScope.REQUESTED_TOPICS);
        assertThat(merged.topic("orders")).contains(recreated);
    }

    @Test
    void aNewerResponseWithoutTopicIdKeepsTheKnownId() {
        ClusterMetadata merged = CURRENT.merge(snapshot(200, topic("orders", TopicInfo.NO_TOPIC_ID, KNOWN)),
                MetadataScope.REQUESTED_TOPICS);
        assertThat(merged.topic("orders").orElseThrow().topicId()).isEqualTo(ORDERS_ID);
    }

    @Test
    void theNewerTopicErrorAndFlagsWin() {
        TopicInfo failing = new TopicInfo("orders", ORDERS_ID, true, KafkaError.TOPIC_AUTHORIZATION_FAILED, List.of());
        ClusterMetadata merged = CURRENT.merge(snapshot(200, failing), MetadataScope.REQUESTED_TOPICS);
        assertThat(merged.topic("orders")).contains(failing);
    }

    @Test
    void aPartialResponseKeepsTheTopicsItDoesNotMention() {
        TopicInfo payments = topic("payments", new UUID(3, 3), partition("payments", 0, 2, 1));
        ClusterMetadata merged = CURRENT.merge(snapshot(200, payments), MetadataScope.REQUESTED_TOPICS);
        assertThat(merged.topicsByName()).containsOnlyKeys("orders", "payments");
        assertThat(merged.topic("orders")).isEqualTo(CURRENT.topic("orders"));
    }

    @Test
    void aFullResponseReplacesTheTopicSet() {
        TopicInfo payments = topic("payments", new UUID(3, 3), partition("payments", 0, 2, 1));
        ClusterMetadata merged = CURRENT.merge(snapshot(200, payments), MetadataScope.ALL_TOPICS);
        assertThat(merged.topicsByName()).containsOnlyKeys("payments");
    }

    @Test
    void brokersControllerClusterIdAndFetchTimeComeFromTheNewerSnapshot() {
        Node moved = new Node(5, "broker-5", 9097, "rack-5");
        ClusterMetadata newer = new ClusterMetadata("cluster-b", 5, Map.of(5, moved), Map.of(), 300);
        ClusterMetadata merged = CURRENT.merge(newer, MetadataScope.REQUESTED_TOPICS);
        assertThat(merged.nodes()).containsExactly(moved);
        assertThat(merged.controller()).contains(moved);
        assertThat(merged.clusterId()).isEqualTo("cluster-b");
        assertThat(merged.fetchedAtMillis()).isEqualTo(300);
        assertThat(merged.topicsByName()).isEqualTo(CURRENT.topicsByName());
    }
}
