package io.kafkaex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaGroupMembershipException;
import io.kafkaex.protocol.error.RetriableKafkaErrorException;
import io.kafkaex.protocol.message.OffsetCommitRequest;
import io.kafkaex.protocol.message.OffsetCommitResponse;
import io.kafkaex.protocol.message.OffsetFetchRequest;
import io.kafkaex.protocol.message.OffsetFetchResponse;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** OffsetCommit and OffsetFetch requests per version and their responses mapped to results. */
class CommittedOffsetMessagesTest {

    private static final UUID TOPIC_ID = new UUID(1, 2);
    private static final List<PartitionCommit> OFFSETS = List.of(PartitionCommit.of(2, 20).withMetadata("m").withLeaderEpoch(4),
            PartitionCommit.of(0, 5));

    @Test
    void offsetCommitNamesTheTopicUpToV9AndItsIdFromV10() {
        OffsetCommitRequest v9 = OffsetCommitter.request("g", "t", TOPIC_ID, OFFSETS, CommitOptions.member(3, "m-1"), (short) 9);
        assertThat(v9.groupId()).isEqualTo("g");
        assertThat(v9.generationIdOrMemberEpoch()).isEqualTo(3);
        assertThat(v9.memberId()).isEqualTo("m-1");
        assertThat(v9.topics()).singleElement().satisfies(topic -> {
            assertThat(topic.name()).isEqualTo("t");
            assertThat(topic.partitions()).extracting(p -> p.partitionIndex(), p -> p.committedOffset(),
                    p -> p.committedMetadata(), p -> p.committedLeaderEpoch()).containsExactly(tuple(2, 20L, "m", 4), tuple(0, 5L, "", -1));
        });
        OffsetCommitRequest v10 = OffsetCommitter.request("g", "t", TOPIC_ID, OFFSETS, CommitOptions.standalone(), (short) 10);
        assertThat(v10.generationIdOrMemberEpoch()).isEqualTo(-1);
        assertThat(v10.memberId()).isEmpty();
        assertThat(v10.topics().get(0).topicId()).isEqualTo(TOPIC_ID);
    }

    @Test
    void commitResultsKeepTheRequestOrderAndPartitionErrors() {
        OffsetCommitResponse response = new OffsetCommitResponse().setTopics(List.of(new OffsetCommitResponse.OffsetCommitResponseTopic()
                .setName("t").setPartitions(List.of(commitAnswer(0, KafkaError.NONE), commitAnswer(2, KafkaError.OFFSET_METADATA_TOO_LARGE)))));

        assertThat(OffsetCommitter.results(response, "g", "t", OFFSETS)).extracting(CommitResult::partition, CommitResult::error)
                .containsExactly(tuple(2, KafkaError.OFFSET_METADATA_TOO_LARGE), tuple(0, KafkaError.NONE));
    }

    @Test
    void groupErrorsOfACommitAreTypedExceptionsAndCoordinatorErrorsRetriable() {
        assertThatThrownBy(() -> OffsetCommitter.results(commitResponse(KafkaError.NOT_COORDINATOR), "g", "t", OFFSETS))
                .isInstanceOf(RetriableKafkaErrorException.class).hasMessageContaining("group 'g'");
        assertThatThrownBy(() -> OffsetCommitter.results(commitResponse(KafkaError.REBALANCE_IN_PROGRESS), "g", "t", OFFSETS))
                .isInstanceOf(KafkaGroupMembershipException.class);
        assertThatThrownBy(() -> OffsetCommitter.results(new OffsetCommitResponse(), "g", "t", OFFSETS))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("t-2");
    }

    @Test
    void offsetFetchUsesOneGroupUpToV7AndTheGroupsArrayFromV8() {
        OffsetFetchRequest v7 = CommittedOffsetFetcher.request("g", "t", TOPIC_ID, List.of(3, 1), (short) 7);
        assertThat(v7.groupId()).isEqualTo("g");
        assertThat(v7.topics()).singleElement().satisfies(topic -> {
            assertThat(topic.name()).isEqualTo("t");
            assertThat(topic.partitionIndexes()).containsExactly(3, 1);
        });
        assertThat(v7.groups()).isEmpty();

        OffsetFetchRequest v8 = CommittedOffsetFetcher.request("g", "t", TOPIC_ID, List.of(3, 1), (short) 8);
        assertThat(v8.groups()).singleElement().satisfies(group -> {
            assertThat(group.groupId()).isEqualTo("g");
            assertThat(group.topics()).singleElement().satisfies(topic -> {
                assertThat(topic.name()).isEqualTo("t");
                assertThat(topic.partitionIndexes()).containsExactly(3, 1);
            });
        });
        OffsetFetchRequest v10 = CommittedOffsetFetcher.request("g", "t", TOPIC_ID, List.of(3), (short) 10);
        assertThat(v10.groups().get(0).topics().get(0).topicId()).isEqualTo(TOPIC_ID);
    }

    @Test
    void fetchedOffsetsOfBothResponseShapesComeInRequestOrder() {
        OffsetFetchResponse old = new OffsetFetchResponse().setTopics(List.of(new OffsetFetchResponse.OffsetFetchResponseTopic()
                .setName("t").setPartitions(List.of(
                        new OffsetFetchResponse.OffsetFetchResponsePartition().setPartitionIndex(1).setCommittedOffset(-1),
                        new OffsetFetchResponse.OffsetFetchResponsePartition().setPartitionIndex(3).setCommittedOffset(30)
                                .setMetadata("m").setCommittedLeaderEpoch(2)))));
        assertThat(CommittedOffsetFetcher.results(old, "g", "t", List.of(3, 1)))
                .containsExactly(new CommittedOffset("t", 3, 30, "m", 2, KafkaError.NONE),
                        new CommittedOffset("t", 1, -1, "", -1, KafkaError.NONE));

        OffsetFetchResponse grouped = new OffsetFetchResponse().setGroups(List.of(new OffsetFetchResponse.OffsetFetchResponseGroup()
                .setGroupId("g").setTopics(List.of(new OffsetFetchResponse.OffsetFetchResponseTopics().setTopicId(TOPIC_ID)
                        .setPartitions(List.of(
                                new OffsetFetchResponse.OffsetFetchResponsePartitions().setPartitionIndex(1).setCommittedOffset(-1)
                                        .setErrorCode(KafkaError.UNKNOWN_TOPIC_ID.code()),
                                new OffsetFetchResponse.OffsetFetchResponsePartitions().setPartitionIndex(3).setCommittedOffset(7)))))));
        assertThat(CommittedOffsetFetcher.results(grouped, "g", "t", List.of(1, 3)))
                .extracting(CommittedOffset::partition, CommittedOffset::offset, CommittedOffset::error)
                .containsExactly(tuple(1, -1L, KafkaError.UNKNOWN_TOPIC_ID), tuple(3, 7L, KafkaError.NONE));
    }

    @Test
    void groupErrorsOfAFetchAreTypedExceptions() {
        assertThatThrownBy(() -> CommittedOffsetFetcher.results(new OffsetFetchResponse()
                .setErrorCode(KafkaError.COORDINATOR_LOAD_IN_PROGRESS.code()), "g", "t", List.of(0)))
                .isInstanceOf(RetriableKafkaErrorException.class).hasMessageContaining("COORDINATOR_LOAD_IN_PROGRESS");
        assertThatThrownBy(() -> CommittedOffsetFetcher.results(new OffsetFetchResponse().setGroups(List.of(
                new OffsetFetchResponse.OffsetFetchResponseGroup().setGroupId("g").setErrorCode(KafkaError.NOT_COORDINATOR.code()))),
                "g", "t", List.of(0))).isInstanceOf(RetriableKafkaErrorException.class).hasMessageContaining("NOT_COORDINATOR");
    }

    private static OffsetCommitResponse commitResponse(KafkaError error) {
        return new OffsetCommitResponse().setTopics(List.of(new OffsetCommitResponse.OffsetCommitResponseTopic().setName("t")
                .setPartitions(List.of(commitAnswer(2, error), commitAnswer(0, error)))));
    }

    private static OffsetCommitResponse.OffsetCommitResponsePartition commitAnswer(int partition, KafkaError error) {
        return new OffsetCommitResponse.OffsetCommitResponsePartition().setPartitionIndex(partition).setErrorCode(error.code());
    }
}
