package io.kafkaex.client;

import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.CoordinatorType;
import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.cluster.Node;
import io.kafkaex.cluster.RefreshReason;
import io.kafkaex.network.BrokerApiVersions;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.NetworkStatus;
import io.kafkaex.retry.Backoff;
import io.kafkaex.retry.RetryPolicy;
import io.kafkaex.telemetry.Telemetry;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The KafkaEx client: kafka_ex's {@code KafkaEx.API} in Java. Every operation is asynchronous and returns a
 * {@link CompletableFuture}, completed on the client's callback executor (see
 * {@link KafkaExClientOptions#callbackExecutor()}), never on the network thread, so
 * dependent stages may take their time; each has a blocking variant ({@code *Sync}) that waits for it and
 * throws the failure itself (a {@code KafkaExException} subtype).
 *
 * <p>It covers the client's lifecycle, metadata, administration of topics, partitions, records and configs,
 * produce, fetch, partition and committed offsets and consumer groups (see {@code docs/kafka-ex-api.md}).
 * Thread-safe: share one client.
 */
public final class KafkaExClient implements AutoCloseable {

    private final KafkaExClientOptions options;
    private final ClientRuntime runtime;
    private final NetworkClient network;
    private final MetadataManager metadata;
    private final Executor callbacks;
    private final BrokerRouter brokers;
    private final DirectProducer producer;
    private final DirectFetcher fetcher;
    private final OffsetLister offsets;
    private final OperationTelemetry operations;
    private final AdminCalls admin;
    private final GroupCalls groups;

    private KafkaExClient(KafkaExClientOptions options) {
        this.options = options;
        this.runtime = ClientRuntime.start(options);
        this.callbacks = runtime.callbacks();
        this.network = runtime.network();
        this.metadata = runtime.metadata();
        Telemetry telemetry = runtime.telemetry();
        this.operations = new OperationTelemetry(telemetry, options.clientId());
        LeaderCalls leaders = new LeaderCalls(network, metadata);
        Backoff backoff = Backoff.exponential(options.retryBackoff(), options.retryBackoffMax());
        this.producer = new DirectProducer(network, leaders,
                RetryPolicy.forProduce(false).withMaxRetries(options.maxRetries()).withBackoff(backoff), options.requestTimeout());
        this.fetcher = new DirectFetcher(network, leaders,
                RetryPolicy.forMetadata().withMaxRetries(options.maxRetries()).withBackoff(backoff), options.requestTimeout(),
                options.maxResponseBytes());
        this.offsets = new OffsetLister(network, leaders,
                RetryPolicy.forMetadata().withMaxRetries(options.maxRetries()).withBackoff(backoff), options.requestTimeout());
        this.brokers = runtime.brokerRouter();
        this.admin = new AdminCalls(brokers, leaders, metadata, options);
        this.groups = new GroupCalls(network, metadata, CoordinatorCalls.locator(runtime), options);
    }

    /** A started client; it connects lazily, on the first operation. */
    public static KafkaExClient create(KafkaExClientOptions options) {
        return new KafkaExClient(options);
    }

    public KafkaExClientOptions options() {
        return options;
    }

    /**
     * The network, metadata and callback machinery this client runs on, for KafkaEx's own consumer (its fetcher
     * sends multi-partition fetches on it). Not an application API.
     */
    public ClientRuntime runtime() {
        return runtime;
    }

    /**
     * Produces {@code records} as one batch to {@code partition} of {@code topic} ({@code produce/4}). Leadership
     * errors and requests never sent ({@code RequestNotSentException}) are retried after a metadata refresh; other
     * errors (a broker error as a typed {@code KafkaErrorException}, e.g. {@code KafkaRecordTooLargeException})
     * fail the future.
     */
    public CompletableFuture<RecordMetadata> produce(String topic, int partition, List<ProduceRecord> records,
            ProduceOptions produceOptions) {
        return offLoop(operations.produce(topic, partition, records.size(), produceOptions.acks(),
                () -> producer.produce(topic, partition, records, produceOptions)));
    }

    /** Produces one record ({@code produce_one/4}). */
    public CompletableFuture<RecordMetadata> produceOne(String topic, int partition, ProduceRecord record,
            ProduceOptions produceOptions) {
        return produce(topic, partition, List.of(record), produceOptions);
    }

    /** Produces one value without key, acks=all, uncompressed. */
    public CompletableFuture<RecordMetadata> produceOne(String topic, int partition, byte[] value) {
        return produceOne(topic, partition, ProduceRecord.of(null, value), ProduceOptions.defaults());
    }

    public RecordMetadata produceSync(String topic, int partition, List<ProduceRecord> records, ProduceOptions produceOptions) {
        return await(produce(topic, partition, records, produceOptions));
    }

    public RecordMetadata produceOneSync(String topic, int partition, ProduceRecord record, ProduceOptions produceOptions) {
        return await(produceOne(topic, partition, record, produceOptions));
    }

    /**
     * Fetches records of one partition from {@code offset} ({@code fetch/4}): waits up to the options' wait for
     * data, leaves out control records and, when reading committed, aborted transactions. Errors such as
     * OFFSET_OUT_OF_RANGE fail the future with a typed exception.
     */
    public CompletableFuture<FetchResult> fetch(String topic, int partition, long offset, FetchOptions fetchOptions) {
        return offLoop(operations.fetch(topic, partition, offset, () -> fetcher.fetch(topic, partition, offset, fetchOptions)));
    }

    public FetchResult fetchSync(String topic, int partition, long offset, FetchOptions fetchOptions) {
        return await(fetch(topic, partition, offset, fetchOptions));
    }

    /**
     * One fetch from the earliest offset ({@code fetch_all/3}): looks up the log start offset, then fetches once
     * from there. It returns what one fetch returns (up to the options' {@code maxBytes}), not necessarily
     * everything up to the high watermark; continue with {@link FetchResult#nextOffset(long)}.
     */
    public CompletableFuture<FetchResult> fetchAll(String topic, int partition, FetchOptions fetchOptions) {
        return offLoop(offsets.list(topic, partition, OffsetLister.EARLIEST)
                .thenCompose(earliest -> operations.fetch(topic, partition, earliest.offset(),
                        () -> fetcher.fetch(topic, partition, earliest.offset(), fetchOptions))));
    }

    public FetchResult fetchAllSync(String topic, int partition, FetchOptions fetchOptions) {
        return await(fetchAll(topic, partition, fetchOptions));
    }

    /** The partition's log start offset ({@code earliest_offset/3}). */
    public CompletableFuture<Long> earliestOffset(String topic, int partition) {
        return offLoop(offsets.list(topic, partition, OffsetLister.EARLIEST).thenApply(PartitionOffset::offset));
    }

    /** The partition's log end offset, the offset the next record gets ({@code latest_offset/3}). */
    public CompletableFuture<Long> latestOffset(String topic, int partition) {
        return offLoop(offsets.list(topic, partition, OffsetLister.LATEST).thenApply(PartitionOffset::offset));
    }

    /**
     * The first offset whose timestamp is at or after {@code epochMillis} ({@code list_offsets/2} by time);
     * offset -1 when no record is that recent.
     */
    public CompletableFuture<PartitionOffset> offsetForTime(String topic, int partition, long epochMillis) {
        if (epochMillis < 0) {
            throw new IllegalArgumentException("epochMillis must not be negative; use earliestOffset or latestOffset");
        }
        return offLoop(offsets.list(topic, partition, epochMillis));
    }

    /** Offsets of several partitions at once, one lookup per partition ({@code list_offsets/2}). */
    public CompletableFuture<List<PartitionOffset>> listOffsets(List<OffsetQuery> queries) {
        List<CompletableFuture<PartitionOffset>> each = queries.stream()
                .map(query -> offsets.list(query.topic(), query.partition(), query.timestamp())).toList();
        return offLoop(CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> each.stream().map(CompletableFuture::join).toList()));
    }

    public long earliestOffsetSync(String topic, int partition) {
        return await(earliestOffset(topic, partition));
    }

    public long latestOffsetSync(String topic, int partition) {
        return await(latestOffset(topic, partition));
    }

    /**
     * The group's committed offsets of {@code partitions}, in that order ({@code fetch_committed_offset/5}); offset -1
     * where nothing is committed. Errors of one partition are in its result; group errors fail the future with a
     * typed exception (transient coordinator errors are retried first).
     */
    public CompletableFuture<List<CommittedOffset>> fetchCommittedOffset(String group, String topic, List<Integer> partitions) {
        return offLoop(groups.committedOffsets().fetch(group, topic, partitions));
    }

    public List<CommittedOffset> fetchCommittedOffsetSync(String group, String topic, List<Integer> partitions) {
        return await(fetchCommittedOffset(group, topic, partitions));
    }

    /**
     * Commits offsets of one topic for {@code group} ({@code commit_offset/5}); results per partition in request order.
     * Errors of one partition are results; group errors (e.g. ILLEGAL_GENERATION) fail with a typed exception.
     */
    public CompletableFuture<List<CommitResult>> commitOffset(String group, String topic, List<PartitionCommit> offsets,
            CommitOptions commitOptions) {
        return offLoop(operations.commit(group, topic, offsets.size(),
                () -> groups.committer().commit(group, topic, offsets, commitOptions)));
    }

    /** A standalone commit: generation -1, no member id, as kafka_ex's {@code commit_offset}. */
    public CompletableFuture<List<CommitResult>> commitOffset(String group, String topic, List<PartitionCommit> offsets) {
        return commitOffset(group, topic, offsets, CommitOptions.standalone());
    }

    public List<CommitResult> commitOffsetSync(String group, String topic, List<PartitionCommit> offsets, CommitOptions commitOptions) {
        return await(commitOffset(group, topic, offsets, commitOptions));
    }

    /** The coordinator of a consumer group ({@code find_coordinator/3}); cached until it moves. */
    public CompletableFuture<Node> findCoordinator(String groupId) {
        return findCoordinator(CoordinatorType.GROUP, groupId);
    }

    /** The coordinator of a group or transactional id ({@code find_coordinator/3} with {@code coordinator_type}). */
    public CompletableFuture<Node> findCoordinator(CoordinatorType type, String key) {
        return offLoop(groups.coordinators().coordinator(type, key));
    }

    public Node findCoordinatorSync(CoordinatorType type, String key) {
        return await(findCoordinator(type, key));
    }

    /** Describes groups, one request per coordinator ({@code describe_group/3}); per-group errors stay in each result. */
    public CompletableFuture<List<ConsumerGroupDescription>> describeGroups(List<String> groupIds) {
        return offLoop(groups.describer().describe(groupIds));
    }

    public CompletableFuture<ConsumerGroupDescription> describeGroup(String groupId) {
        return describeGroups(List.of(groupId)).thenApply(described -> described.get(0));
    }

    public ConsumerGroupDescription describeGroupSync(String groupId) {
        return await(describeGroup(groupId));
    }

    /** Every group of every broker ({@code list_groups}), with states where the broker's version has them. */
    public CompletableFuture<List<GroupListing>> listGroups() {
        return offLoop(groups.admin().listGroups());
    }

    public List<GroupListing> listGroupsSync() {
        return await(listGroups());
    }

    /** Deletes groups ({@code delete_groups}); a result per group, e.g. NON_EMPTY_GROUP for one with members. */
    public CompletableFuture<List<GroupResult>> deleteGroups(List<String> groupIds) {
        return offLoop(groups.admin().deleteGroups(groupIds));
    }

    public List<GroupResult> deleteGroupsSync(List<String> groupIds) {
        return await(deleteGroups(groupIds));
    }

    /** JoinGroup ({@code join_group/4}); a first join's MEMBER_ID_REQUIRED is answered by joining again with the given id. */
    public CompletableFuture<JoinGroupResult> joinGroup(JoinGroupOptions joinOptions) {
        return offLoop(operations.join(joinOptions, () -> groups.joiner().join(joinOptions)));
    }

    public JoinGroupResult joinGroupSync(JoinGroupOptions joinOptions) {
        return await(joinGroup(joinOptions));
    }

    /** SyncGroup ({@code sync_group/5}): the leader sends every assignment, a follower none; returns this member's. */
    public CompletableFuture<SyncGroupResult> syncGroup(SyncGroupOptions syncOptions) {
        return offLoop(operations.sync(syncOptions, () -> groups.members().sync(syncOptions)));
    }

    public CompletableFuture<SyncGroupResult> syncGroup(String group, int generationId, String memberId,
            Map<String, MemberAssignment> assignments) {
        return syncGroup(SyncGroupOptions.consumer(group, generationId, memberId, assignments));
    }

    public SyncGroupResult syncGroupSync(SyncGroupOptions syncOptions) {
        return await(syncGroup(syncOptions));
    }

    /** Heartbeat ({@code heartbeat/5}, member id before generation as there); membership errors are typed exceptions. */
    public CompletableFuture<Void> heartbeat(String group, String memberId, int generationId) {
        return heartbeat(group, memberId, generationId, null);
    }

    /** Heartbeat of a static member ({@code groupInstanceId} non-null, sent from v3) or a dynamic one. */
    public CompletableFuture<Void> heartbeat(String group, String memberId, int generationId, String groupInstanceId) {
        return offLoop(operations.heartbeat(group, memberId, generationId,
                () -> groups.members().heartbeat(group, memberId, generationId, groupInstanceId)));
    }

    public void heartbeatSync(String group, String memberId, int generationId) {
        await(heartbeat(group, memberId, generationId));
    }

    /**
     * ConsumerGroupHeartbeat (KIP-848, {@code group.protocol=consumer}; Kafka 4.0+): joins (epoch 0), heartbeats,
     * acknowledges an assignment or leaves (epoch -1 or -2), see {@link ConsumerGroupHeartbeatOptions}. Membership
     * errors such as FENCED_MEMBER_EPOCH and UNKNOWN_MEMBER_ID are typed exceptions; a broker without the API fails
     * with a {@code NoCommonVersionException}.
     */
    public CompletableFuture<ConsumerGroupHeartbeatResult> consumerGroupHeartbeat(ConsumerGroupHeartbeatOptions heartbeatOptions) {
        return offLoop(operations.heartbeat(heartbeatOptions.groupId(), heartbeatOptions.memberId(),
                heartbeatOptions.memberEpoch(), () -> groups.members().consumerHeartbeat(heartbeatOptions)));
    }

    public ConsumerGroupHeartbeatResult consumerGroupHeartbeatSync(ConsumerGroupHeartbeatOptions heartbeatOptions) {
        return await(consumerGroupHeartbeat(heartbeatOptions));
    }

    /** LeaveGroup ({@code leave_group/4}): a member id up to v2, a members array from v3. */
    public CompletableFuture<Void> leaveGroup(String group, String memberId) {
        return leaveGroup(group, memberId, null);
    }

    /** LeaveGroup of a static member ({@code groupInstanceId} non-null, sent from v3) or a dynamic one. */
    public CompletableFuture<Void> leaveGroup(String group, String memberId, String groupInstanceId) {
        return offLoop(operations.leave(group, memberId, () -> groups.members().leave(group, memberId, groupInstanceId)));
    }

    public void leaveGroupSync(String group, String memberId) {
        await(leaveGroup(group, memberId));
    }

    /** Metadata of all topics, fetched now; also refreshes the cached snapshot (kafka_ex's {@code metadata/1}). */
    public CompletableFuture<ClusterMetadata> metadata() {
        return offLoop(metadata.requestUpdate(RefreshReason.REQUESTED));
    }

    /** Metadata of {@code topics}, fetched now and merged into the cached snapshot ({@code metadata/3}). */
    public CompletableFuture<ClusterMetadata> metadata(Collection<String> topics) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("Name at least one topic, or call metadata() for all");
        }
        return offLoop(metadata.fetchTopics(List.copyOf(topics)));
    }

    /** The cached snapshot without a request ({@code cluster_metadata/1}); {@code null} before the first fetch. */
    public ClusterMetadata clusterMetadata() {
        return metadata.current();
    }

    /**
     * The client's view of its brokers as its network last saw them (reachable and unreachable brokers, the last
     * authentication refusal, requests in flight), without a request and without waiting: for health checks.
     */
    public NetworkStatus networkStatus() {
        return network.status();
    }

    /** The API versions a broker of the cluster offers ({@code api_versions/1}). */
    public CompletableFuture<BrokerApiVersions> apiVersions() {
        return offLoop(brokers.anyBroker().thenCompose(network::apiVersions));
    }

    /**
     * Creates topics and then refreshes metadata, so they are known to the client ({@code create_topics/3}).
     * Per-topic failures (e.g. TOPIC_ALREADY_EXISTS) are results, not exceptions.
     */
    public CompletableFuture<TopicsResult> createTopics(Collection<NewTopic> topics, Duration timeout, boolean validateOnly) {
        return offLoop(admin.createTopics(List.copyOf(topics), timeout, validateOnly));
    }

    /** Creates one topic ({@code create_topic/3}) with a 10-second broker timeout, as kafka_ex. */
    public CompletableFuture<TopicsResult> createTopic(NewTopic topic) {
        return createTopics(List.of(topic), Duration.ofSeconds(10), false);
    }

    /** Deletes topics and then refreshes metadata ({@code delete_topics/3}). Per-topic failures are results. */
    public CompletableFuture<TopicsResult> deleteTopics(Collection<String> names, Duration timeout) {
        return offLoop(admin.deleteTopics(List.copyOf(names), timeout));
    }

    /** Deletes one topic ({@code delete_topic/3}) with a 30-second broker timeout, as kafka_ex. */
    public CompletableFuture<TopicsResult> deleteTopic(String name) {
        return deleteTopics(List.of(name), Duration.ofSeconds(30));
    }

    public ClusterMetadata metadataSync() {
        return await(metadata());
    }

    public ClusterMetadata metadataSync(Collection<String> topics) {
        return await(metadata(topics));
    }

    public BrokerApiVersions apiVersionsSync() {
        return await(apiVersions());
    }

    public TopicsResult createTopicsSync(Collection<NewTopic> topics, Duration timeout, boolean validateOnly) {
        return await(createTopics(topics, timeout, validateOnly));
    }

    public TopicsResult createTopicSync(NewTopic topic) {
        return await(createTopic(topic));
    }

    public TopicsResult deleteTopicsSync(Collection<String> names, Duration timeout) {
        return await(deleteTopics(names, timeout));
    }

    public TopicsResult deleteTopicSync(String name) {
        return await(deleteTopic(name));
    }

    /**
     * Grows topics to new total partition counts ({@code create_partitions}), sent to the controller, then waits
     * (briefly) until the client's metadata lists the new partitions. Per-topic failures, e.g. INVALID_PARTITIONS
     * for fewer partitions than the topic has, are results.
     */
    public CompletableFuture<TopicsResult> createPartitions(Map<String, Integer> newTotalCounts, Duration timeout,
            boolean validateOnly) {
        return offLoop(admin.createPartitions(newTotalCounts, timeout, validateOnly));
    }

    /**
     * Deletes the records before the given offsets (-1: up to the high watermark) of each partition
     * ({@code delete_records}), one request per leader; leadership errors are retried. Per-partition outcomes
     * carry the new low watermark or the error.
     */
    public CompletableFuture<DeleteRecordsResult> deleteRecords(Map<TopicPartition, Long> beforeOffsets, Duration timeout) {
        return offLoop(admin.deleteRecords(beforeOffsets, timeout));
    }

    /**
     * The configuration of topics, brokers and broker loggers ({@code describe_configs}); broker resources are
     * asked of that broker. Per-resource failures are results.
     */
    public CompletableFuture<ConfigsResult> describeConfigs(Collection<ConfigResource> resources, DescribeConfigsOptions describeOptions) {
        return offLoop(admin.describeConfigs(List.copyOf(resources), describeOptions));
    }

    /**
     * Sets, deletes, appends to or subtracts from configuration entries ({@code alter_configs}, sent as
     * IncrementalAlterConfigs); broker resources go to that broker. Per-resource failures are results.
     */
    public CompletableFuture<AlterConfigsResult> alterConfigs(Map<ConfigResource, List<AlterConfigOp>> changes, boolean validateOnly) {
        return offLoop(admin.alterConfigs(changes, validateOnly));
    }

    public TopicsResult createPartitionsSync(Map<String, Integer> newTotalCounts, Duration timeout, boolean validateOnly) {
        return await(createPartitions(newTotalCounts, timeout, validateOnly));
    }

    public DeleteRecordsResult deleteRecordsSync(Map<TopicPartition, Long> beforeOffsets, Duration timeout) {
        return await(deleteRecords(beforeOffsets, timeout));
    }

    public ConfigsResult describeConfigsSync(Collection<ConfigResource> resources, DescribeConfigsOptions describeOptions) {
        return await(describeConfigs(resources, describeOptions));
    }

    public AlterConfigsResult alterConfigsSync(Map<ConfigResource, List<AlterConfigOp>> changes, boolean validateOnly) {
        return await(alterConfigs(changes, validateOnly));
    }

    /** Fails what is pending, closes every connection and stops the network thread and the client's own callback threads. */
    @Override
    public void close() {
        runtime.close();
    }

    private <T> CompletableFuture<T> offLoop(CompletableFuture<T> future) {
        return future.thenApplyAsync(value -> value, callbacks);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
