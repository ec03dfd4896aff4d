package io.kafkaex.consumer;

import io.kafkaex.client.CommitOptions;
import io.kafkaex.client.CommitResult;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.PartitionCommit;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.error.KafkaErrorExceptions;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Commits a partition's offset for the member's current generation (so the coordinator refuses commits of a member
 * that was replaced) and acts on the failure's {@link CommitErrors class}: a REJOIN failure asks the membership to
 * rejoin. The commit span is the client's. Thread-safe.
 */
final class OffsetCommits implements PartitionWorker.Committer {

    private final KafkaExClient client;
    private final String groupId;
    private final Supplier<Generation> generation;
    private final Consumer<String> rejoin;

    OffsetCommits(KafkaExClient client, String groupId, Supplier<Generation> generation, Consumer<String> rejoin) {
        this.client = client;
        this.groupId = groupId;
        this.generation = generation;
        this.rejoin = rejoin;
    }

    /** Commits {@code offset} (the next offset to read) of {@code partition}; fails with the typed error. */
    @Override
    public CompletableFuture<Void> commit(TopicPartition partition, long offset) {
        Generation current = generation.get();
        CommitOptions who = CommitOptions.member(current.generationId(), current.memberId())
                .withGroupInstanceId(current.groupInstanceId());
        return client.commitOffset(groupId, partition.topic(), List.of(PartitionCommit.of(partition.partition(), offset)), who)
                .thenApply(results -> {
                    for (CommitResult result : results) {
                        if (!result.isSuccess()) {
                            throw KafkaErrorExceptions.of(result.error(), partition.topic(), partition.partition(),
                                    "committing offset " + offset + " for group '" + groupId + "'");
                        }
                    }
                    return (Void) null;
                })
                .whenComplete((ignored, failure) -> {
                    if (failure != null && CommitErrors.classify(failure) == CommitErrors.REJOIN) {
                        rejoin.accept("a commit of " + partition + " was refused: " + failure.getMessage());
                    }
                });
    }
}
