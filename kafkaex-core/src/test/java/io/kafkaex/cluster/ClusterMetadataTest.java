package io.kafkaex.cluster;

import static io.kafkaex.cluster.MetadataFixtures.LATEST;
import static io.kafkaex.cluster.MetadataFixtures.broker;
import static io.kafkaex.cluster.MetadataFixtures.overTheWire;
import static io.kafkaex.cluster.MetadataFixtures.response;
import static io.kafkaex.cluster.MetadataFixtures.wirePartition;
import static io.kafkaex.cluster.MetadataFixtures.wireTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.message.MetadataResponse;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterMetadataTest {

    private static final KafkaError NONE = KafkaError.NONE;

    private final MetadataResponse response = response(List.of(broker(2), broker(1), broker(3)),
            wireTopic("orders", NONE,
                    wirePartition(1, 2, 7, NONE),
                    wirePartition(0, 1, 5, NONE),
                    wirePartition(2, -1, 4, KafkaError.LEADER_NOT_AVAILABLE)),
            wireTopic("missing", KafkaError.UNKNOWN_TOPIC_OR_PARTITION),
            wireTopic("__consumer_offsets", NONE, wirePartition(0, 9, 1, NONE)).setIsInternal(true));

    private final ClusterMetadata metadata = ClusterMetadata.from(response, LATEST, 1_000L);

    @Test
    void keepsBrokersControllerClusterIdAndFetchTime() {
        assertThat(metadata.nodes()).containsExactly(new Node(1, "broker-1", 9093, "rack-1"),
                new Node(2, "broker-2", 9094, "rack-2"), new Node(3, "broker-3", 9095, "rack-3"));
        assertThat(metadata.node(3)).contains(new Node(3, "broker-3", 9095, "rack-3"));
        assertThat(metadata.node(4)).isEmpty();
        assertThat(metadata.controller()).contains(new Node(2, "broker-2", 9094, "rack-2"));
        assertThat(metadata.clusterId()).isEqualTo("cluster-a");
        assertThat(metadata.fetchedAtMillis()).isEqualTo(1_000L);
    }

    @Test
    void keepsPartitionsInIndexOrderWithEpochsReplicasAndTopicIds() {
        TopicInfo orders = metadata.topic("orders").orElseThrow();
        assertThat(orders.partitions()).extracting(PartitionInfo::partition).containsExactly(0, 1, 2);
        assertThat(orders.topicId()).isEqualTo(new UUID(1, "orders".hashCode()));
        assertThat(orders.hasTopicId()).isTrue();
        assertThat(orders.internal()).isFalse();
        assertThat(metadata.topic("__consumer_offsets").orElseThrow().internal()).isTrue();
        assertThat(metadata.partition("orders", 1)).contains(new PartitionInfo("orders", 1, 2, 7, List.of(1, 2, 3),
                List.of(1, 2), List.of(3), NONE));
    }

    @Test
    void keepsPartitionsWithErrorsAndWithoutLeader() {
        PartitionInfo leaderless = metadata.partition("orders", 2).orElseThrow();
        assertThat(leaderless.error()).isEqualTo(KafkaError.LEADER_NOT_AVAILABLE);
        assertThat(leaderless.hasLeader()).isFalse();
        assertThat(leaderless.leaderId()).isEqualTo(PartitionInfo.NO_LEADER);
        assertThat(metadata.partitionCount("orders")).hasValue(3);
        assertThat(metadata.leaderFor("orders", 2)).isEmpty();
        assertThat(metadata.partitionsWithoutLeader("orders")).containsExactly(leaderless);
    }

    @Test
    void keepsTopicsWithErrors() {
        assertThat(metadata.topicError("missing")).contains(KafkaError.UNKNOWN_TOPIC_OR_PARTITION);
        assertThat(metadata.partitionCount("missing")).hasValue(0);
        assertThat(metadata.topicError("orders")).contains(NONE);
    }

    @Test
    void findsTheLeaderOfAPartition() {
        assertThat(metadata.leaderFor("orders", 0)).contains(new Node(1, "broker-1", 9093, "rack-1"));
        assertThat(metadata.leaderFor("orders", 1)).contains(new Node(2, "broker-2", 9094, "rack-2"));
    }

    @Test
    void aLeaderMissingFromTheBrokerListCountsAsNoLeader() {
        PartitionInfo ledByUnknownBroker = metadata.partition("__consumer_offsets", 0).orElseThrow();
        assertThat(ledByUnknownBroker.hasLeader()).isTrue();
        assertThat(metadata.leaderFor("__consumer_offsets", 0)).isEmpty();
        assertThat(metadata.partitionsWithoutLeader("__consumer_offsets")).containsExactly(ledByUnknownBroker);
    }

    @Test
    void unknownTopicsAndPartitionsAnswerEmpty() {
        assertThat(metadata.topic("nope")).isEmpty();
        assertThat(metadata.topicError("nope")).isEmpty();
        assertThat(metadata.partitionCount("nope")).isEqualTo(OptionalInt.empty());
        assertThat(metadata.leaderFor("nope", 0)).isEmpty();
        assertThat(metadata.leaderFor("orders", 3)).isEmpty();
        assertThat(metadata.partitionsWithoutLeader("nope")).isEmpty();
    }

    @Test
    void findsPartitionsWhenIndicesHaveGaps() {
        ClusterMetadata gappy = ClusterMetadata.from(response(List.of(broker(1)),
                wireTopic("gappy", NONE, wirePartition(3, 1, 0, NONE), wirePartition(1, 1, 0, NONE))), LATEST, 0);
        assertThat(gappy.partition("gappy", 3)).map(PartitionInfo::partition).contains(3);
        assertThat(gappy.partition("gappy", 1)).map(PartitionInfo::partition).contains(1);
        assertThat(gappy.partition("gappy", 0)).isEmpty();
    }

    static IntStream versions() {
        return IntStream.rangeClosed(MetadataResponse.LOWEST_SUPPORTED_VERSION, LATEST);
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("versions")
    void readsEachFieldFromTheVersionsThatCarryIt(int v) {
        short version = (short) v;
        ClusterMetadata decoded = ClusterMetadata.from(overTheWire(response, version), version, 5L);
        assertEveryVersionDependentField(decoded, version);
    }

    @ParameterizedTest(name = "v{0}")
    @MethodSource("versions")
    void ignoresFieldsAVersionDoesNotCarryEvenWhenSetInMemory(int v) {
        short version = (short) v;
        assertEveryVersionDependentField(ClusterMetadata.from(response, version, 5L), version);
    }

    private static void assertEveryVersionDependentField(ClusterMetadata decoded, short version) {
        PartitionInfo partition = decoded.partition("orders", 1).orElseThrow();
        TopicInfo offsets = decoded.topic("__consumer_offsets").orElseThrow();
        assertThat(decoded.clusterId()).isEqualTo(version >= 2 ? "cluster-a" : null);
        assertThat(decoded.controllerId()).isEqualTo(version >= 1 ? 2 : ClusterMetadata.NO_CONTROLLER);
        assertThat(decoded.controller().isPresent()).isEqualTo(version >= 1);
        assertThat(decoded.node(1).orElseThrow().rack()).isEqualTo(version >= 1 ? "rack-1" : null);
        assertThat(offsets.internal()).isEqualTo(version >= 1);
        assertThat(partition.offlineReplicas()).isEqualTo(version >= 5 ? List.of(3) : List.of());
        assertThat(partition.leaderEpoch()).isEqualTo(version >= 7 ? 7 : PartitionInfo.UNKNOWN_EPOCH);
        assertThat(offsets.hasTopicId()).isEqualTo(version >= 10);
        assertThat(partition.leaderId()).isEqualTo(2);
        assertThat(partition.isr()).containsExactly(1, 2);
        assertThat(decoded.partition("orders", 2).orElseThrow().error()).isEqualTo(KafkaError.LEADER_NOT_AVAILABLE);
        assertThat(decoded.topicError("missing")).contains(KafkaError.UNKNOWN_TOPIC_OR_PARTITION);
    }

    @Test
    void aTopLevelErrorFromVersion13IsThrown() {
        response.setErrorCode(KafkaError.REBOOTSTRAP_REQUIRED.code());
        assertThatThrownBy(() -> ClusterMetadata.from(response, (short) 13, 0))
                .isInstanceOfSatisfying(KafkaErrorException.class,
                        e -> assertThat(e.error()).isEqualTo(KafkaError.REBOOTSTRAP_REQUIRED));
        assertThat(ClusterMetadata.from(response, (short) 12, 0).topicsByName()).hasSize(3);
    }

    @Test
    void rejectsVersionsOutsideTheSchema() {
        assertThatThrownBy(() -> ClusterMetadata.from(response, (short) 14, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("version must be in [0, 13], was 14");
        assertThatThrownBy(() -> ClusterMetadata.from(response, (short) -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1");
    }

    @Test
    void rejectsATopicWithoutAName() {
        response.topics().get(0).setName(null);
        assertThatThrownBy(() -> ClusterMetadata.from(response, LATEST, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic without a name");
    }

    @Test
    void snapshotsAreImmutable() {
        assertThatThrownBy(() -> metadata.nodesById().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> metadata.topicsByName().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> metadata.topic("orders").orElseThrow().partitions().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsMapsWhoseKeysDisagreeWithTheirValues() {
        Map<Integer, Node> nodes = Map.of(7, new Node(1, "h", 1, null));
        assertThatThrownBy(() -> new ClusterMetadata(null, -1, nodes, Map.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("node map key 7 differs from its value's 1");
    }

    @Test
    void nodesValidateTheirPort() {
        assertThat(new Node(1, "h", 9092, null).address()).isEqualTo("h:9092");
        assertThatThrownBy(() -> new Node(1, "h", 70_000, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("port must be in [0, 65535], was 70000");
    }
}
