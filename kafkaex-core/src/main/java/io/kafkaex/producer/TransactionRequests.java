package io.kafkaex.producer;

import io.kafkaex.client.CommitOptions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.AddOffsetsToTxnRequest;
import io.kafkaex.protocol.message.AddPartitionsToTxnRequest;
import io.kafkaex.protocol.message.AddPartitionsToTxnResponse;
import io.kafkaex.protocol.message.EndTxnRequest;
import io.kafkaex.protocol.message.InitProducerIdRequest;
import io.kafkaex.protocol.message.InitProducerIdResponse;
import io.kafkaex.protocol.message.TxnOffsetCommitRequest;
import io.kafkaex.protocol.message.TxnOffsetCommitResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request bodies of the transactional protocol and what their answers mean, in the shape a client of the
 * first transaction protocol sends (KIP-98): partitions added with AddPartitionsToTxn before records go to them.
 * The second protocol (KIP-890 part 2: partitions added by the Produce request itself, the epoch bumped by every
 * EndTxn) starts at Produce v12, AddPartitionsToTxn v4 (a broker-to-broker version) and EndTxn v5, so a
 * transactional producer stays below those versions, which every broker from 0.11 to 4.x accepts. An answer's
 * error is thrown as its typed {@code KafkaErrorException}.
 *
 * <p>Stateless; any thread may call it.
 */
final class TransactionRequests {

    /** Produce v12 and later add partitions implicitly (transactions V2); a V1 client stays at v11. */
    static final short MAX_PRODUCE_VERSION = 11;
    /** AddPartitionsToTxn v4+ are the brokers' own batched versions. */
    static final short MAX_ADD_PARTITIONS_VERSION = 3;
    /** EndTxn v5 bumps the epoch with every transaction (transactions V2). */
    static final short MAX_END_TXN_VERSION = 4;
    /** TxnOffsetCommit v6 names topics by id; v5 by name, which is all this producer has for offsets. */
    static final short MAX_TXN_OFFSET_COMMIT_VERSION = 5;

    private TransactionRequests() {
    }

    /**
     * InitProducerId for {@code transactionalId} ({@code null} for an idempotent producer without transactions).
     * From v3 it names the identity held until now, so the coordinator bumps its epoch (KIP-360) instead of handing
     * out a new id; below v3 a held identity cannot be named and a new one is asked for.
     */
    static InitProducerIdRequest initProducerId(String transactionalId, Duration transactionTimeout,
            ProducerIdentity.IdAndEpoch held, short version) {
        InitProducerIdRequest request = new InitProducerIdRequest().setTransactionalId(transactionalId)
                .setTransactionTimeoutMs((int) transactionTimeout.toMillis());
        if (version >= 3) {
            request.setProducerId(held.id()).setProducerEpoch(held.epoch());
        }
        return request;
    }

    /** The producer id and epoch handed out; throws the answer's error. */
    static ProducerIdentity.IdAndEpoch producerId(InitProducerIdResponse response) {
        noError(response.errorCode());
        return new ProducerIdentity.IdAndEpoch(response.producerId(), response.producerEpoch());
    }

    static AddPartitionsToTxnRequest addPartitions(String transactionalId, ProducerIdentity.IdAndEpoch identity,
            Collection<TopicPartition> partitions) {
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        partitions.forEach(p -> byTopic.computeIfAbsent(p.topic(), ignored -> new ArrayList<>()).add(p.partition()));
        List<AddPartitionsToTxnRequest.AddPartitionsToTxnTopic> topics = new ArrayList<>();
        byTopic.forEach((topic, indexes) -> topics.add(new AddPartitionsToTxnRequest.AddPartitionsToTxnTopic().setName(topic)
                .setPartitions(indexes)));
        return new AddPartitionsToTxnRequest().setV3AndBelowTransactionalId(transactionalId)
                .setV3AndBelowProducerId(identity.id()).setV3AndBelowProducerEpoch(identity.epoch())
                .setV3AndBelowTopics(topics);
    }

    /** Each partition's error ({@code NONE} when it was added). */
    static Map<TopicPartition, KafkaError> addedPartitions(AddPartitionsToTxnResponse response) {
        Map<TopicPartition, KafkaError> errors = new HashMap<>();
        for (AddPartitionsToTxnResponse.AddPartitionsToTxnTopicResult topic : response.resultsByTopicV3AndBelow()) {
            for (AddPartitionsToTxnResponse.AddPartitionsToTxnPartitionResult partition : topic.resultsByPartition()) {
                errors.put(new TopicPartition(topic.name(), partition.partitionIndex()),
                        KafkaError.forCode(partition.partitionErrorCode()));
            }
        }
        return errors;
    }

    static AddOffsetsToTxnRequest addOffsets(String transactionalId, ProducerIdentity.IdAndEpoch identity, String group) {
        return new AddOffsetsToTxnRequest().setTransactionalId(transactionalId).setProducerId(identity.id())
                .setProducerEpoch(identity.epoch()).setGroupId(group);
    }

    /**
     * TxnOffsetCommit of {@code offsets} (the next offset to consume per partition) for {@code group}; the member's
     * generation and id go along from v3, so the coordinator refuses the commit of a member that is no longer in
     * the group (KIP-447).
     */
    static TxnOffsetCommitRequest txnOffsetCommit(String transactionalId, ProducerIdentity.IdAndEpoch identity, String group,
            CommitOptions member, Map<TopicPartition, Long> offsets, short version) {
        Map<String, List<TxnOffsetCommitRequest.TxnOffsetCommitRequestPartition>> byTopic = new LinkedHashMap<>();
        offsets.forEach((partition, offset) -> byTopic.computeIfAbsent(partition.topic(), ignored -> new ArrayList<>())
                .add(new TxnOffsetCommitRequest.TxnOffsetCommitRequestPartition().setPartitionIndex(partition.partition())
                        .setCommittedOffset(offset)));
        List<TxnOffsetCommitRequest.TxnOffsetCommitRequestTopic> topics = new ArrayList<>();
        byTopic.forEach((topic, partitions) -> topics.add(new TxnOffsetCommitRequest.TxnOffsetCommitRequestTopic().setName(topic)
                .setPartitions(partitions)));
        TxnOffsetCommitRequest request = new TxnOffsetCommitRequest().setTransactionalId(transactionalId).setGroupId(group)
                .setProducerId(identity.id()).setProducerEpoch(identity.epoch()).setTopics(topics);
        if (version >= 3) {
            request.setGenerationIdOrMemberEpoch(member.generationId()).setMemberId(member.memberId())
                    .setGroupInstanceId(member.groupInstanceId());
        }
        return request;
    }

    /** Throws the first partition error of the answer, naming the partition. */
    static Void offsetsCommitted(TxnOffsetCommitResponse response) {
        for (TxnOffsetCommitResponse.TxnOffsetCommitResponseTopic topic : response.topics()) {
            for (TxnOffsetCommitResponse.TxnOffsetCommitResponsePartition partition : topic.partitions()) {
                KafkaError error = KafkaError.forCode(partition.errorCode());
                if (error != KafkaError.NONE) {
                    throw KafkaErrorExceptions.of(error, topic.name(), partition.partitionIndex(), null);
                }
            }
        }
        return null;
    }

    static EndTxnRequest endTxn(String transactionalId, ProducerIdentity.IdAndEpoch identity, boolean commit) {
        return new EndTxnRequest().setTransactionalId(transactionalId).setProducerId(identity.id())
                .setProducerEpoch(identity.epoch()).setCommitted(commit);
    }

    /** Throws the error of an answer that carries nothing else (AddOffsetsToTxn, EndTxn); {@code null} without one. */
    static Void noError(short code) {
        KafkaError error = KafkaError.forCode(code);
        if (error != KafkaError.NONE) {
            throw KafkaErrorExceptions.of(error, null);
        }
        return null;
    }
}
