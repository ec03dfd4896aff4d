package io.kafkaex.client;

import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.retry.Backoff;
import io.kafkaex.retry.RetryPolicy;


/**
 * Wires the client's consumer-group calls (committed offsets, coordinator lookup, membership, group
 * administration) to one coordinator cache and one retry policy: {@link RetryPolicy#forCommit()} with the
 * client's retry count and backoff. Thread-safe; built once per client.
 */
final class GroupCalls {

    private final CoordinatorCalls coordinators;
    private final OffsetCommitter committer;
    private final CommittedOffsetFetcher committedOffsets;
    private final GroupJoiner joiner;
    private final GroupMemberCalls members;
    private final GroupDescriber describer;
    private final GroupAdmin admin;

    GroupCalls(NetworkClient network, MetadataManager metadata, CoordinatorCalls.Locator locator, KafkaExClientOptions options) {
        Backoff backoff = Backoff.exponential(options.retryBackoff(), options.retryBackoffMax());
        Retries retries = Retries.on(network, RetryPolicy.forCommit().withMaxRetries(options.maxRetries()).withBackoff(backoff));
        this.coordinators = new CoordinatorCalls(locator, retries);
        TopicIds topicIds = new TopicIds(metadata);
        this.committer = new OffsetCommitter(network, coordinators, topicIds, options.requestTimeout());
        this.committedOffsets = new CommittedOffsetFetcher(network, coordinators, topicIds, options.requestTimeout());
        this.joiner = new GroupJoiner(network, coordinators, options.requestTimeout());
        this.members = new GroupMemberCalls(network, coordinators, options.requestTimeout());
        GroupBatches batches = new GroupBatches(coordinators, network, options.requestTimeout());
        this.describer = new GroupDescriber(batches);
        this.admin = new GroupAdmin(network, metadata, retries, batches, options.requestTimeout());
    }

    CoordinatorCalls coordinators() {
        return coordinators;
    }

    OffsetCommitter committer() {
        return committer;
    }

    CommittedOffsetFetcher committedOffsets() {
        return committedOffsets;
    }

    GroupJoiner joiner() {
        return joiner;
    }

    GroupMemberCalls members() {
        return members;
    }

    GroupDescriber describer() {
        return describer;
    }

    GroupAdmin admin() {
        return admin;
    }
}
