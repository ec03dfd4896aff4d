package io.kafkaex.client;

import io.kafkaex.cluster.Bootstrap;
import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.cluster.MetadataRefreshPolicy;
import io.kafkaex.cluster.Node;
import io.kafkaex.cluster.RefreshReason;
import io.kafkaex.network.BrokerApiVersions;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.message.CreateTopicsRequest;
import io.kafkaex.protocol.message.CreateTopicsResponse;
import io.kafkaex.protocol.message.DeleteTopicsRequest;
import io.kafkaex.protocol.message.DeleteTopicsResponse;
import io.kafkaex.retry.Backoff;
import io.kafkaex.retry.RetryPolicy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The KafkaEx client: kafka_ex's {@code KafkaEx.API} in Java. Every operation is asynchronous and returns a
 * {@link CompletableFuture}, completed on the common fork-join pool, never on the network thread, so
 * dependent stages may take their time; each has a blocking variant ({@code *Sync}) that waits for it and
 * throws the failure itself (a {@code KafkaExException} subtype).
 *
 * <p>This first part covers the client's lifecycle, metadata, topic administration, produce, fetch and
 * partition offsets; committed offsets and groups follow (see {@code docs/kafka-ex-api.md}). Thread-safe: share one client.
 */
public final class KafkaExClient implements AutoCloseable {

    private final KafkaExClientOptions options;
    private final NetworkClient network;
    private final MetadataManager metadata;
    private final Executor callbacks = ForkJoinPool.commonPool();
    private final AtomicInteger nextBroker = new AtomicInteger();
    private final DirectProducer producer;
    private final DirectFetcher fetcher;
    private final OffsetLister offsets;

    private KafkaExClient(KafkaExClientOptions options) {
        this.options = options;
        this.network = new NetworkClient(options.networkOptions());
        Bootstrap bootstrap = new Bootstrap(network, options.bootstrapServers(), options.requestTimeout(),
                System::currentTimeMillis);
        this.metadata = new MetadataManager(network, bootstrap, new MetadataRefreshPolicy(options.metadataRefreshInterval(),
                options.metadataMinBackoff(), System::currentTimeMillis), options.requestTimeout(), System::currentTimeMillis);
        LeaderCalls leaders = new LeaderCalls(network, metadata);
        Backoff backoff = Backoff.exponential(options.retryBackoff(), options.retryBackoffMax());
        this.producer = new DirectProducer(network, leaders,
                RetryPolicy.forProduce(false).withMaxRetries(options.maxRetries()).withBackoff(backoff), options.requestTimeout());
        this.fetcher = new DirectFetcher(network, leaders,
                RetryPolicy.forMetadata().withMaxRetries(options.maxRetries()).withBackoff(backoff), options.requestTimeout(),
                options.maxResponseBytes());
        this.offsets = new OffsetLister(network, leaders,
                RetryPolicy.forMetadata().withMaxRetries(options.maxRetries()).withBackoff(backoff), options.requestTimeout());
    }

    /** A started client; it connects lazily, on the first operation. */
    public static KafkaExClient create(KafkaExClientOptions options) {
        return new KafkaExClient(options);
    }

    public KafkaExClientOptions options() {
        return options;
    }

    /**
     * Produces {@code records} as one batch to {@code partition} of {@code topic} ({@code produce/4}). Leadership
     * errors and requests never sent ({@code RequestNotSentException}) are retried after a metadata refresh; other
     * errors (a broker error as a typed {@code KafkaErrorException}, e.g. {@code KafkaRecordTooLargeException})
     * fail the future.
     */
    public CompletableFuture<RecordMetadata> produce(String topic, int partition, List<ProduceRecord> records,
            ProduceOptions produceOptions) {
        return offLoop(producer.produce(topic, partition, records, produceOptions));
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
        return offLoop(fetcher.fetch(topic, partition, offset, fetchOptions));
    }

    public FetchResult fetchSync(String topic, int partition, long offset, FetchOptions fetchOptions) {
        return await(fetch(topic, partition, offset, fetchOptions));
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

    /** The API versions a broker of the cluster offers ({@code api_versions/1}). */
    public CompletableFuture<BrokerApiVersions> apiVersions() {
        return offLoop(anyBroker().thenCompose(network::apiVersions));
    }

    /**
     * Creates topics and then refreshes metadata, so they are known to the client ({@code create_topics/3}).
     * Per-topic failures (e.g. TOPIC_ALREADY_EXISTS) are results, not exceptions.
     */
    public CompletableFuture<TopicsResult> createTopics(Collection<NewTopic> topics, Duration timeout, boolean validateOnly) {
        List<NewTopic> requested = List.copyOf(topics);
        RequestSpec<TopicsResult> spec = new RequestSpec<>(ApiKey.CREATE_TOPICS,
                version -> new CreateTopicsRequest().setTimeoutMs(millis(timeout)).setValidateOnly(validateOnly)
                        .setTopics(requested.stream().map(KafkaExClient::creatable).toList()),
                (reader, version) -> new TopicsResult(CreateTopicsResponse.read(reader, version).topics().stream()
                        .map(t -> new TopicResult(t.name(), KafkaError.forCode(t.errorCode()), t.errorMessage())).toList()),
                options.requestTimeout().plus(timeout));
        return offLoop(sendToAnyBroker(spec).thenCompose(result -> refreshedThen(result, requested.stream().map(NewTopic::name).toList())));
    }

    /** Creates one topic ({@code create_topic/3}) with a 10-second broker timeout, as kafka_ex. */
    public CompletableFuture<TopicsResult> createTopic(NewTopic topic) {
        return createTopics(List.of(topic), Duration.ofSeconds(10), false);
    }

    /** Deletes topics and then refreshes metadata ({@code delete_topics/3}). Per-topic failures are results. */
    public CompletableFuture<TopicsResult> deleteTopics(Collection<String> names, Duration timeout) {
        List<String> requested = List.copyOf(names);
        RequestSpec<TopicsResult> spec = new RequestSpec<>(ApiKey.DELETE_TOPICS, version -> {
            DeleteTopicsRequest request = new DeleteTopicsRequest().setTimeoutMs(millis(timeout));
            return version >= 6
                    ? request.setTopics(requested.stream().map(name -> new DeleteTopicsRequest.DeleteTopicState().setName(name)).toList())
                    : request.setTopicNames(requested);
        }, (reader, version) -> new TopicsResult(DeleteTopicsResponse.read(reader, version).responses().stream()
                .map(t -> new TopicResult(t.name(), KafkaError.forCode(t.errorCode()), t.errorMessage())).toList()),
                options.requestTimeout().plus(timeout));
        return offLoop(sendToAnyBroker(spec).thenCompose(result -> refreshedThen(result, List.of())));
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

    /** Fails what is pending, closes every connection and stops the network thread. */
    @Override
    public void close() {
        network.close();
    }

    private <T> CompletableFuture<T> sendToAnyBroker(RequestSpec<T> spec) {
        return anyBroker().thenCompose(broker -> network.send(broker, TrafficClass.OTHER, spec));
    }

    /** A broker of the current snapshot, taking turns between them; bootstraps first if needed. */
    private CompletableFuture<InetSocketAddress> anyBroker() {
        return metadata.metadata().thenApply(snapshot -> {
            List<Node> nodes = snapshot.nodes();
            Node node = nodes.get(Math.floorMod(nextBroker.getAndIncrement(), nodes.size()));
            return new InetSocketAddress(node.host(), node.port());
        });
    }

    /**
     * After a create or delete the client's metadata catches up (kafka_ex refreshes after both); a failed
     * refresh does not fail the operation.
     */
    private CompletableFuture<TopicsResult> refreshedThen(TopicsResult result, List<String> createdTopics) {
        CompletableFuture<ClusterMetadata> refresh = createdTopics.isEmpty()
                ? metadata.requestUpdate(RefreshReason.REQUESTED) // a full refresh drops deleted topics
                : metadata.fetchTopics(createdTopics);
        return refresh.handle((ignored, error) -> result);
    }

    private <T> CompletableFuture<T> offLoop(CompletableFuture<T> future) {
        return future.thenApplyAsync(value -> value, callbacks);
    }

    private static CreateTopicsRequest.CreatableTopic creatable(NewTopic topic) {
        return new CreateTopicsRequest.CreatableTopic().setName(topic.name()).setNumPartitions(topic.numPartitions())
                .setReplicationFactor(topic.replicationFactor())
                .setConfigs(topic.configs().entrySet().stream().map(entry -> new CreateTopicsRequest.CreatableTopicConfig()
                        .setName(entry.getKey()).setValue(entry.getValue())).toList());
    }

    private static int millis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
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
