package io.kafkaex.client;

import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.retry.Backoff;
import io.kafkaex.retry.RetryPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The cluster administration calls: topics, partitions, records and configuration. Builds one object per
 * concern from the client's options and hands each call to it.
 *
 * <p>Thread-safe; returned futures complete on the network's event loop (the client moves them off it).
 */
final class AdminCalls {

    private final TopicAdmin topics;
    private final PartitionCreator partitions;
    private final RecordDeleter records;
    private final ConfigDescriber describer;
    private final ConfigAlterer alterer;

    AdminCalls(BrokerRouter brokers, LeaderCalls leaders, MetadataManager metadata, KafkaExClientOptions options) {
        Backoff backoff = Backoff.exponential(options.retryBackoff(), options.retryBackoffMax());
        MetadataCatchUp catchUp = new MetadataCatchUp(metadata, leaders, backoff, options.maxRetries() + 1);
        this.topics = new TopicAdmin(brokers, catchUp, options.requestTimeout());
        this.partitions = new PartitionCreator(brokers, catchUp, options.requestTimeout());
        this.records = new RecordDeleter(brokers, leaders, metadata,
                RetryPolicy.forMetadata().withMaxRetries(options.maxRetries()).withBackoff(backoff), options.requestTimeout());
        ConfigRouting routing = new ConfigRouting(brokers);
        this.describer = new ConfigDescriber(routing, options.requestTimeout());
        this.alterer = new ConfigAlterer(routing, options.requestTimeout());
    }

    CompletableFuture<TopicsResult> createTopics(List<NewTopic> newTopics, Duration timeout, boolean validateOnly) {
        return topics.create(newTopics, timeout, validateOnly);
    }

    CompletableFuture<TopicsResult> deleteTopics(List<String> names, Duration timeout) {
        return topics.delete(names, timeout);
    }

    CompletableFuture<TopicsResult> createPartitions(Map<String, Integer> newTotalCounts, Duration timeout, boolean validateOnly) {
        return partitions.create(newTotalCounts, timeout, validateOnly);
    }

    CompletableFuture<DeleteRecordsResult> deleteRecords(Map<TopicPartition, Long> beforeOffsets, Duration timeout) {
        return records.delete(beforeOffsets, timeout);
    }

    CompletableFuture<ConfigsResult> describeConfigs(List<ConfigResource> resources, DescribeConfigsOptions options) {
        return describer.describe(resources, options);
    }

    CompletableFuture<AlterConfigsResult> alterConfigs(Map<ConfigResource, List<AlterConfigOp>> changes, boolean validateOnly) {
        return alterer.alter(changes, validateOnly);
    }

    /** A broker-side timeout in the int milliseconds requests carry. */
    static int millis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }
}
