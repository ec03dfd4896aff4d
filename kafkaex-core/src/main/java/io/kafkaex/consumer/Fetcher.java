package io.kafkaex.consumer;

import io.kafkaex.CompletionCauses;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.ReadableRecords;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.MetadataManager;
import io.kafkaex.cluster.Node;
import io.kafkaex.cluster.RefreshReason;
import io.kafkaex.cluster.TopicInfo;
import io.kafkaex.network.ClientClosedException;
import io.kafkaex.network.NetworkClient;
import io.kafkaex.network.RequestSpec;
import io.kafkaex.network.TrafficClass;
import io.kafkaex.protocol.ApiKey;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.message.FetchResponse;
import io.kafkaex.retry.Backoff;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's fetcher: keeps the assigned partitions fetched ahead of processing and hands what comes back to a
 * {@link FetchSink}. One Fetch request per leader covers all its fetchable partitions, at most one in flight per
 * leader, each in a fetch session ({@link FetchSession}) so that later requests list only what changed. A partition
 * is fetchable while it is assigned, not paused, not failed, not backing off, has a known leader and holds fewer than
 * two unreleased chunks (one being processed, one prefetched), and while all unreleased chunks together stay below
 * {@link FetcherOptions#maxBufferedBytes()}. Leadership errors refresh the metadata and retry after a backoff; an
 * out-of-range position is reset by {@link FetcherOptions#autoOffsetReset()} or, with {@code NONE}, reported as
 * {@link FetchSink#failed}; other non-retriable errors are reported there too.
 *
 * <p>Any thread may call it; its state lives on the client's network event loop, where every change is applied and
 * where the sink is called. It has no thread of its own.
 */
final class Fetcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Fetcher.class);
    private static final Set<KafkaError> LEADERSHIP_ERRORS = Set.of(KafkaError.NOT_LEADER_OR_FOLLOWER,
            KafkaError.FENCED_LEADER_EPOCH, KafkaError.UNKNOWN_LEADER_EPOCH, KafkaError.UNKNOWN_TOPIC_OR_PARTITION,
            KafkaError.UNKNOWN_TOPIC_ID, KafkaError.LEADER_NOT_AVAILABLE, KafkaError.KAFKA_STORAGE_ERROR);
    private static final Set<KafkaError> SESSION_ERRORS = Set.of(KafkaError.FETCH_SESSION_ID_NOT_FOUND,
            KafkaError.INVALID_FETCH_SESSION_EPOCH);

    private final KafkaExClient client;
    private final NetworkClient network;
    private final MetadataManager metadata;
    private final FetcherOptions options;
    private final FetchSink sink;
    private final Backoff backoff;
    private final Duration requestDeadline;
    private final int maxDecompressedBytes;
    /** Written on the event loop only; concurrent so that {@link #position} may read it from any thread. */
    private final Map<TopicPartition, PartitionFetchState> partitions = new ConcurrentHashMap<>();
    private final Map<Integer, FetchSession> sessions = new HashMap<>();
    private final Set<Integer> leadersInFlight = new HashSet<>();
    private final Set<FetchedChunk> unreleased = Collections.newSetFromMap(new IdentityHashMap<>());
    private long unreleasedBytes;
    private long lastEpoch;
    private boolean metadataRequested;
    private long wakeUpAtNanos = Long.MAX_VALUE;
    private volatile boolean closed;

    Fetcher(KafkaExClient client, FetcherOptions options, FetchSink sink) {
        this.client = client;
        this.network = client.runtime().network();
        this.metadata = client.runtime().metadata();
        this.options = options;
        this.sink = sink;
        Duration maxBackoff = client.options().retryBackoffMax();
        this.backoff = Backoff.exponential(options.retryBackoff(),
                maxBackoff.compareTo(options.retryBackoff()) < 0 ? options.retryBackoff() : maxBackoff);
        this.requestDeadline = client.options().requestTimeout().plus(options.maxWait());
        this.maxDecompressedBytes = client.options().maxResponseBytes();
    }

    /** Starts fetching {@code partition} at {@code position} under a new epoch; a partition assigned before starts over. */
    CompletableFuture<Void> assign(TopicPartition partition, long position) {
        return assign(Map.of(partition, position));
    }

    /**
     * {@link #assign(TopicPartition, long)} for several partitions at once, so that one fetch per leader covers them.
     * The next request to each broker is full ({@link FetchSession#restart}), so every assigned partition's
     * watermarks are known after it, idle ones too.
     */
    CompletableFuture<Void> assign(Map<TopicPartition, Long> positions) {
        Map<TopicPartition, Long> copy = Map.copyOf(positions);
        copy.values().forEach(Fetcher::requireOffset);
        return onLoop(() -> {
            copy.forEach((partition, position) ->
                    partitions.put(partition, new PartitionFetchState(partition, position, ++lastEpoch)));
            sessions.values().forEach(FetchSession::restart);
        });
    }

    /** Stops fetching the partitions; what is in flight for them is dropped when it arrives. */
    CompletableFuture<Void> revoke(Collection<TopicPartition> revoked) {
        List<TopicPartition> copy = List.copyOf(revoked);
        return onLoop(() -> copy.forEach(partitions::remove));
    }

    /** The next fetch of the partition starts at {@code offset}, under a new epoch; a failed partition fetches again. */
    CompletableFuture<Void> seek(TopicPartition partition, long offset) {
        return seek(partition, offset, epoch -> { });
    }

    /**
     * As {@link #seek(TopicPartition, long)}; {@code onNewEpoch} gets the new epoch on the event loop before anything
     * of it is fetched, so the consumer can drop older chunks without racing the next delivery.
     */
    CompletableFuture<Void> seek(TopicPartition partition, long offset, LongConsumer onNewEpoch) {
        requireOffset(offset);
        return onLoop(() -> {
            long epoch = ++lastEpoch;
            assigned(partition).seek(offset, epoch);
            onNewEpoch.accept(epoch);
        });
    }

    /** Stops fetching the partition until {@link #resume}; what is in flight for it is dropped, so nothing is skipped. */
    CompletableFuture<Void> pause(TopicPartition partition) {
        return onLoop(() -> assigned(partition).pause(true));
    }

    CompletableFuture<Void> resume(TopicPartition partition) {
        return onLoop(() -> assigned(partition).pause(false));
    }

    /** The consumer is done with {@code chunk}: its memory is given back and its partition may be fetched again. */
    CompletableFuture<Void> release(FetchedChunk chunk) {
        return onLoop(() -> {
            if (!unreleased.remove(chunk)) {
                return; // released before
            }
            unreleasedBytes -= chunk.sizeInBytes();
            PartitionFetchState state = partitions.get(chunk.partition());
            if (state != null && state.epoch() == chunk.epoch()) {
                state.released();
            }
        });
    }

    /** The offset the partition's next fetch starts at; empty when it is not assigned. */
    OptionalLong position(TopicPartition partition) {
        PartitionFetchState state = partitions.get(partition);
        return state == null ? OptionalLong.empty() : OptionalLong.of(state.position());
    }

    /** The id of the fetch session with broker {@code brokerId}, 0 when there is none; for diagnostics. */
    CompletableFuture<Integer> sessionId(int brokerId) {
        return network.onLoop(() -> CompletableFuture.completedFuture(
                sessions.containsKey(brokerId) ? sessions.get(brokerId).sessionId() : FetchSession.NO_SESSION));
    }

    /** Stops fetching; responses still in flight are ignored. The client stays open. */
    @Override
    public void close() {
        closed = true;
    }

    private CompletableFuture<Void> onLoop(Runnable change) {
        return network.onLoop(() -> {
            if (!closed) {
                change.run();
                fetchWhereReady();
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    private PartitionFetchState assigned(TopicPartition partition) {
        PartitionFetchState state = partitions.get(partition);
        if (state == null) {
            throw new IllegalStateException(partition + " is not assigned to this fetcher");
        }
        return state;
    }

    /** Sends a fetch to every leader without one in flight that has fetchable partitions. Event loop. */
    private void fetchWhereReady() {
        ClusterMetadata cluster = metadata.current();
        if (closed || partitions.isEmpty()) {
            return;
        }
        if (cluster == null) {
            refreshMetadata(RefreshReason.BOOTSTRAP);
            return;
        }
        long now = System.nanoTime();
        Map<Node, Map<TopicPartition, PartitionFetchState>> byLeader = new LinkedHashMap<>();
        Set<Integer> leadersWithRecordsToCome = new HashSet<>();
        for (PartitionFetchState state : partitions.values()) {
            if (state.isBackingOff(now)) {
                wakeUpAt(state.retryAtNanos());
            }
            boolean recordsToCome = state.isWaitingForRelease() && !state.isCaughtUp();
            if (!recordsToCome && (!state.isFetchable(now) || unreleasedBytes >= options.maxBufferedBytes())) {
                continue;
            }
            Optional<Node> leader = cluster.leaderFor(state.partition().topic(), state.partition().partition());
            if (recordsToCome) {
                leader.ifPresent(node -> leadersWithRecordsToCome.add(node.id()));
            } else if (leader.isEmpty()) {
                refreshMetadata(RefreshReason.UNKNOWN_TOPIC);
            } else if (!leadersInFlight.contains(leader.get().id())) {
                byLeader.computeIfAbsent(leader.get(), node -> new LinkedHashMap<>()).put(state.partition(), state);
            }
        }
        byLeader.forEach((leader, fetchable) -> {
            // a fetch of caught-up partitions only waits up to maxWait for new records and holds the leader's one
            // fetch slot meanwhile; when a partition with records still to fetch is about to be released, wait for it
            if (!(leadersWithRecordsToCome.contains(leader.id())
                    && fetchable.values().stream().allMatch(PartitionFetchState::isCaughtUp))) {
                send(leader, fetchable, cluster);
            }
        });
    }

    private void send(Node leader, Map<TopicPartition, PartitionFetchState> fetchable, ClusterMetadata cluster) {
        FetchSession session = sessions.computeIfAbsent(leader.id(), id -> new FetchSession());
        Map<TopicPartition, FetchSession.PartitionRequest> wanted = new LinkedHashMap<>();
        Map<TopicPartition, Sent> sent = new LinkedHashMap<>();
        fetchable.forEach((partition, state) -> {
            wanted.put(partition, new FetchSession.PartitionRequest(state.position(), options.partitionMaxBytes()));
            sent.put(partition, new Sent(state, state.position(), state.epoch()));
            state.sent();
        });
        FetchSession.Plan plan = session.next(wanted);
        Map<String, UUID> topicIds = new HashMap<>();
        Map<UUID, String> topicNames = new HashMap<>();
        plan.fetched().keySet().stream().map(TopicPartition::topic).forEach(topic -> topicIds.put(topic, topicId(cluster, topic)));
        plan.forgotten().stream().map(TopicPartition::topic).forEach(topic -> topicIds.put(topic, topicId(cluster, topic)));
        topicIds.forEach((topic, id) -> topicNames.put(id, topic));
        leadersInFlight.add(leader.id());
        network.send(leader.socketAddress(), TrafficClass.FETCH, new RequestSpec<>(ApiKey.FETCH,
                        version -> FetchRequests.build(plan, options, topicIds, version), FetchResponse::read, requestDeadline))
                .whenComplete((response, failure) -> guarded(() -> answered(leader, session, sent, topicNames, response, failure)));
    }

    private static UUID topicId(ClusterMetadata cluster, String topic) {
        return cluster.topic(topic).map(TopicInfo::topicId).orElse(TopicInfo.NO_TOPIC_ID);
    }

    private void answered(Node leader, FetchSession session, Map<TopicPartition, Sent> sent, Map<UUID, String> topicNames,
            FetchResponse response, Throwable failure) {
        leadersInFlight.remove(leader.id());
        sent.values().forEach(partition -> partition.state().answered());
        if (closed) {
            return;
        }
        KafkaError topLevel = failure == null ? KafkaError.forCode(response.errorCode()) : KafkaError.NONE;
        if (failure != null || topLevel != KafkaError.NONE) {
            session.reset();
            if (failure != null && CompletionCauses.unwrap(failure) instanceof ClientClosedException) {
                return;
            }
            if (!SESSION_ERRORS.contains(topLevel)) { // a lost session is fetched again at once, as a full fetch
                log.debug("Fetch from broker {} failed ({}); backing off", leader.id(),
                        failure != null ? CompletionCauses.unwrap(failure).toString() : topLevel);
                refreshMetadata(RefreshReason.DISCONNECT);
                sent.values().stream().filter(Sent::isCurrent).forEach(partition -> partition.state().backOff(System.nanoTime(), backoff));
            }
        } else {
            session.answered(response.sessionId());
            for (FetchResponse.FetchableTopicResponse topic : response.responses()) {
                String name = topic.topic() == null || topic.topic().isEmpty() ? topicNames.get(topic.topicId()) : topic.topic();
                for (FetchResponse.PartitionData data : topic.partitions()) {
                    Sent partition = sent.get(new TopicPartition(name, data.partitionIndex()));
                    if (partition != null && partition.isCurrent() && partitions.get(partition.state().partition()) == partition.state()) {
                        fetched(partition, data);
                    }
                }
            }
        }
        fetchWhereReady();
    }

    /** One partition's answer of the current epoch. */
    private void fetched(Sent sent, FetchResponse.PartitionData data) {
        PartitionFetchState state = sent.state();
        TopicPartition partition = state.partition();
        KafkaError error = KafkaError.forCode(data.errorCode());
        if (error == KafkaError.OFFSET_OUT_OF_RANGE) {
            outOfRange(state, sent.offset());
        } else if (LEADERSHIP_ERRORS.contains(error) || error.isRetriable()) {
            log.debug("Fetching {} failed with {}; retrying after a backoff", partition, error);
            if (LEADERSHIP_ERRORS.contains(error)) {
                refreshMetadata(RefreshReason.NOT_LEADER_OR_FOLLOWER);
            }
            state.backOff(System.nanoTime(), backoff);
        } else if (error != KafkaError.NONE) {
            state.fail();
            sink.failed(partition, KafkaErrorExceptions.of(error, partition.topic(), partition.partition(), null));
        } else {
            state.succeeded();
            state.endOffset(options.readableEnd(data.highWatermark(), data.lastStableOffset()));
            sink.watermarks(partition, data.highWatermark(), data.lastStableOffset(), data.logStartOffset());
            if (!state.isPaused()) {
                deliver(sent, data);
            }
        }
    }

    private void deliver(Sent sent, FetchResponse.PartitionData data) {
        PartitionFetchState state = sent.state();
        ReadableRecords.Batches selection;
        try {
            selection = ReadableRecords.selectBatches(data, sent.offset(), options.readCommitted(), maxDecompressedBytes);
        } catch (RuntimeException unreadable) { // a broken batch header or checksum: skipping would lose records
            state.fail();
            sink.failed(state.partition(), unreadable);
            return;
        }
        if (selection.nextOffset() == sent.offset()) {
            return; // nothing new
        }
        // the records are decoded by the partition's worker, not on this (the network) thread
        FetchedChunk chunk = new FetchedChunk(state.partition(), sent.epoch(), sent.offset(), selection,
                selection.nextOffset(), data.records() == null ? 0 : data.records().remaining());
        state.fetched(chunk.nextOffset());
        unreleased.add(chunk);
        unreleasedBytes += chunk.sizeInBytes();
        sink.fetched(chunk);
    }

    /** Resets the position by the policy under a new epoch, or fails the partition with {@code NONE}. */
    private void outOfRange(PartitionFetchState state, long offset) {
        TopicPartition partition = state.partition();
        long epoch = state.epoch();
        if (options.autoOffsetReset() == OffsetResetPolicy.NONE) {
            state.fail();
            client.earliestOffset(partition.topic(), partition.partition())
                    .thenCombine(client.latestOffset(partition.topic(), partition.partition()),
                            (start, end) -> new OffsetOutOfRangeException(partition, offset, start, end))
                    .exceptionally(noRange -> new OffsetOutOfRangeException(partition, offset,
                            OffsetOutOfRangeException.UNKNOWN_OFFSET, OffsetOutOfRangeException.UNKNOWN_OFFSET))
                    .thenAccept(error -> onLoopIfCurrent(state, epoch, () -> {
                        if (state.isFailed()) {
                            sink.failed(partition, error);
                        }
                    }));
            return;
        }
        state.startReset();
        Supplier<CompletableFuture<Long>> lookup = options.autoOffsetReset() == OffsetResetPolicy.EARLIEST
                ? () -> client.earliestOffset(partition.topic(), partition.partition())
                : () -> client.latestOffset(partition.topic(), partition.partition());
        log.info("Fetch position {} of {} is out of range; resetting to the {} offset", offset, partition,
                options.autoOffsetReset());
        lookup.get().whenComplete((reset, failure) -> onLoopIfCurrent(state, epoch, () -> {
            if (failure != null) {
                state.resetFailed();
                state.backOff(System.nanoTime(), backoff);
            } else {
                state.seek(reset, ++lastEpoch);
            }
        }));
    }

    /** Runs {@code change} on the loop if the partition is still assigned and was not seeked since {@code epoch}. */
    private void onLoopIfCurrent(PartitionFetchState state, long epoch, Runnable change) {
        onLoop(() -> {
            if (partitions.get(state.partition()) == state && state.epoch() == epoch) {
                change.run();
            }
        });
    }

    private void refreshMetadata(RefreshReason reason) {
        if (metadataRequested) {
            return;
        }
        metadataRequested = true;
        metadata.requestUpdate(reason).whenComplete((snapshot, failure) -> guarded(() -> {
            metadataRequested = false;
            if (failure == null) {
                fetchWhereReady();
            } else if (!(CompletionCauses.unwrap(failure) instanceof ClientClosedException)) {
                wakeUpAt(System.nanoTime() + options.retryBackoff().toNanos());
            }
        }));
    }

    /** Makes sure {@link #fetchWhereReady} runs again at {@code nanos} (or earlier). */
    private void wakeUpAt(long nanos) {
        long now = System.nanoTime();
        if (wakeUpAtNanos != Long.MAX_VALUE && wakeUpAtNanos - now > 0 && wakeUpAtNanos - nanos <= 0) {
            return; // an earlier wake-up is due anyway
        }
        wakeUpAtNanos = nanos;
        network.schedule(Duration.ofNanos(Math.max(0, nanos - now)), () -> guarded(() -> {
            if (wakeUpAtNanos == nanos) {
                wakeUpAtNanos = Long.MAX_VALUE;
            }
            fetchWhereReady();
        }));
    }

    /** Runs a continuation on the loop; an unexpected error is logged, not lost in a future nobody reads. */
    private static void guarded(Runnable continuation) {
        try {
            continuation.run();
        } catch (RuntimeException e) {
            log.error("The fetcher failed to handle an event", e);
        }
    }

    private static void requireOffset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("A fetch position must not be negative, was " + offset);
        }
    }

    /** A partition as one fetch asked for it. */
    private record Sent(PartitionFetchState state, long offset, long epoch) {

        boolean isCurrent() {
            return state.epoch() == epoch;
        }
    }
}
