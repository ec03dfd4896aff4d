package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafkaex.client.CommitOptions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.ProtocolWriter;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorException;
import io.kafkaex.protocol.error.KafkaGroupMembershipException;
import io.kafkaex.protocol.error.KafkaProducerFencedException;
import io.kafkaex.protocol.message.AddPartitionsToTxnRequest;
import io.kafkaex.protocol.message.AddPartitionsToTxnResponse;
import io.kafkaex.protocol.message.EndTxnResponse;
import io.kafkaex.protocol.message.InitProducerIdRequest;
import io.kafkaex.protocol.message.InitProducerIdResponse;
import io.kafkaex.protocol.message.TxnOffsetCommitRequest;
import io.kafkaex.protocol.message.TxnOffsetCommitResponse;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transactional requests per version and what their answers mean. */
class TransactionRequestsTest {

    private static final ProducerIdentity.IdAndEpoch HELD = new ProducerIdentity.IdAndEpoch(4000, (short) 7);

    @Test
    void initProducerIdNamesTheHeldIdentityFromV3SoTheEpochIsBumpedAndCannotBelowIt() {
        InitProducerIdRequest v3 = TransactionRequests.initProducerId("tx", Duration.ofSeconds(60), HELD, (short) 3);
        assertThat(v3.transactionalId()).isEqualTo("tx");
        assertThat(v3.transactionTimeoutMs()).isEqualTo(60_000);
        assertThat(v3.producerId()).isEqualTo(4000);
        assertThat(v3.producerEpoch()).isEqualTo((short) 7);

        InitProducerIdRequest v2 = TransactionRequests.initProducerId("tx", Duration.ofSeconds(60), HELD, (short) 2);
        assertThat(v2.producerId()).isEqualTo(-1);
        v2.write(new ProtocolWriter(ByteBuffer.allocate(v2.size((short) 2))), (short) 2); // no field v2 lacks is set
    }

    @Test
    void aHandedOutIdentityOrTheCoordinatorsErrorAsATypedException() {
        assertThat(TransactionRequests.producerId(new InitProducerIdResponse().setProducerId(12).setProducerEpoch((short) 3)))
                .isEqualTo(new ProducerIdentity.IdAndEpoch(12, (short) 3));
        assertThatThrownBy(() -> TransactionRequests.producerId(new InitProducerIdResponse()
                .setErrorCode(KafkaError.CONCURRENT_TRANSACTIONS.code())))
                .isInstanceOfSatisfying(KafkaErrorException.class, e -> assertThat(e.error()).isEqualTo(KafkaError.CONCURRENT_TRANSACTIONS));
        assertThatThrownBy(() -> TransactionRequests.noError(new EndTxnResponse().setErrorCode(KafkaError.PRODUCER_FENCED.code()).errorCode()))
                .isInstanceOf(KafkaProducerFencedException.class);
    }

    @Test
    void addPartitionsGroupsPartitionsByTopicInTheClientsV3Shape() {
        AddPartitionsToTxnRequest request = TransactionRequests.addPartitions("tx", HELD,
                List.of(new TopicPartition("a", 1), new TopicPartition("b", 0), new TopicPartition("a", 3)));

        assertThat(request.v3AndBelowTransactionalId()).isEqualTo("tx");
        assertThat(request.v3AndBelowProducerId()).isEqualTo(4000);
        assertThat(request.v3AndBelowProducerEpoch()).isEqualTo((short) 7);
        assertThat(request.v3AndBelowTopics()).extracting(AddPartitionsToTxnRequest.AddPartitionsToTxnTopic::name,
                AddPartitionsToTxnRequest.AddPartitionsToTxnTopic::partitions).containsExactly(tuple("a", List.of(1, 3)),
                tuple("b", List.of(0)));
        assertThat(TransactionRequests.MAX_ADD_PARTITIONS_VERSION).isEqualTo((short) 3);
    }

    @Test
    void eachAddedPartitionHasItsOwnError() {
        AddPartitionsToTxnResponse response = new AddPartitionsToTxnResponse().setResultsByTopicV3AndBelow(List.of(
                new AddPartitionsToTxnResponse.AddPartitionsToTxnTopicResult().setName("a").setResultsByPartition(List.of(
                        partitionResult(1, KafkaError.NONE), partitionResult(3, KafkaError.TOPIC_AUTHORIZATION_FAILED)))));

        assertThat(TransactionRequests.addedPartitions(response)).containsExactlyInAnyOrderEntriesOf(Map.of(
                new TopicPartition("a", 1), KafkaError.NONE, new TopicPartition("a", 3), KafkaError.TOPIC_AUTHORIZATION_FAILED));
    }

    @Test
    void txnOffsetCommitCarriesTheMemberFromV3() {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        offsets.put(new TopicPartition("in", 0), 5L);
        offsets.put(new TopicPartition("in", 2), 9L);
        CommitOptions member = CommitOptions.member(6, "member-1");

        TxnOffsetCommitRequest v3 = TransactionRequests.txnOffsetCommit("tx", HELD, "g", member, offsets, (short) 3);
        assertThat(v3.generationIdOrMemberEpoch()).isEqualTo(6);
        assertThat(v3.memberId()).isEqualTo("member-1");
        assertThat(v3.groupId()).isEqualTo("g");
        assertThat(v3.topics()).singleElement().satisfies(topic -> {
            assertThat(topic.name()).isEqualTo("in");
            assertThat(topic.partitions()).extracting(p -> p.partitionIndex(), p -> p.committedOffset())
                    .containsExactly(tuple(0, 5L), tuple(2, 9L));
        });

        TxnOffsetCommitRequest v2 = TransactionRequests.txnOffsetCommit("tx", HELD, "g", member, offsets, (short) 2);
        assertThat(v2.generationIdOrMemberEpoch()).isEqualTo(-1);
        v2.write(new ProtocolWriter(ByteBuffer.allocate(v2.size((short) 2))), (short) 2); // no v3 field set, so v2 can carry it
    }

    @Test
    void aPartitionErrorOfTxnOffsetCommitIsThrownNamingThePartition() {
        TxnOffsetCommitResponse response = new TxnOffsetCommitResponse().setTopics(List.of(
                new TxnOffsetCommitResponse.TxnOffsetCommitResponseTopic().setName("in").setPartitions(List.of(
                        new TxnOffsetCommitResponse.TxnOffsetCommitResponsePartition().setPartitionIndex(2)
                                .setErrorCode(KafkaError.ILLEGAL_GENERATION.code())))));

        assertThatThrownBy(() -> TransactionRequests.offsetsCommitted(response)).isInstanceOf(KafkaGroupMembershipException.class)
                .hasMessageContaining("in-2");
    }

    private static AddPartitionsToTxnResponse.AddPartitionsToTxnPartitionResult partitionResult(int partition, KafkaError error) {
        return new AddPartitionsToTxnResponse.AddPartitionsToTxnPartitionResult().setPartitionIndex(partition)
                .setPartitionErrorCode(error.code());
    }
}
