package io.kafkaex.consumer;

import io.kafkaex.KafkaExException;
import io.kafkaex.client.CommittedOffset;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.telemetry.ConsumerLagEvent;
import io.kafkaex.telemetry.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A member of a consumer group running a {@link GenConsumer} — kafka_ex's {@code ConsumerGroup} in Java. It has a
 * client of its own (so its coordinator and fetch connections are its own), joins the group, and for each assigned
 * partition starts at the committed offset (or per the reset policy), fetches with prefetch, and hands the batches to
 * that partition's worker; offsets are committed as the handler asks and before partitions are revoked.
 *
 * <pre>{@code
 * KafkaExConsumerGroup member = KafkaExConsumerGroup.start(
 *         ConsumerGroupOptions.builder(clientOptions, "orders", List.of("orders")).build(),
 *         new OrdersConsumer());
 * ...
 * member.close(); // commits, leaves the group, stops every thread
 * }</pre>
 *
 * <p>Thread-safe. Threads it owns: the client's event loop (heartbeats, fetches), one coordination thread (join,
 * sync, assignment changes) and a pool with one busy worker per partition that has records to handle.
 */
public final class KafkaExConsumerGroup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaExConsumerGroup.class);
    private static final Duration COMMIT_TICK = Duration.ofSeconds(1);

    private final ConsumerGroupOptions options;
    private final GenConsumer<?> consumer;
    private final KafkaExClient client;
    private final Telemetry telemetry;
    private final ExecutorService pool;
    private final Fetcher fetcher;
    private final GroupMembership membership;
    private final PartitionWorker.Context workerContext;
    private final Map<TopicPartition, PartitionWorker<?>> workers = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> highWatermarks = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Throwable> partitionErrors = new ConcurrentHashMap<>();
    private volatile Throwable failure;
    private volatile boolean allPaused;
    private volatile boolean closed;
    /** When {@link #close(Duration)} must be done, in {@code System.nanoTime()}; unset until it is called. */
    private volatile long closeDeadlineNanos;

    private KafkaExConsumerGroup(ConsumerGroupOptions options, GenConsumer<?> consumer) {
        this.options = options;
        this.consumer = consumer;
        this.client = KafkaExClient.create(options.client());
        this.telemetry = client.runtime().telemetry();
        this.pool = Executors.newCachedThreadPool(options.workerThreadFactory() != null ? options.workerThreadFactory()
                : workerThreads(options.groupId()));
        this.fetcher = new Fetcher(client, options.fetch(), new Sink());
        ClientGroupApi api = new ClientGroupApi(client);
        this.membership = !options.assignment().isEmpty() ? new AssignedMembership(options, new Listener())
                : options.groupProtocol() == GroupProtocolType.CONSUMER
                ? new ConsumerProtocolMembership(options, api, new Listener(), telemetry, options.client().requestTimeout())
                : new ClassicMembership(options, api, new Listener(), telemetry,
                        options.client().metadataRefreshInterval(), options.client().requestTimeout());
        OffsetCommits commits = new OffsetCommits(client, options.groupId(), membership::generation,
                membership::requestRejoin);
        this.workerContext = new PartitionWorker.Context(options.groupId(), options.consumerName(), consumer, commits,
                fetcher::release, this::undecodable, telemetry, options, pool, System::currentTimeMillis);
    }

    /** Starts a member: it connects, joins and consumes in the background. */
    public static <S> KafkaExConsumerGroup start(ConsumerGroupOptions options, GenConsumer<S> consumer) {
        KafkaExConsumerGroup group = new KafkaExConsumerGroup(options, consumer);
        group.membership.start();
        group.scheduleCommitTick();
        return group;
    }

    public String groupId() {
        return options.groupId();
    }

    /** The member id the coordinator gave, or {@code ""} before the first join. */
    public String memberId() {
        return membership.generation().memberId();
    }

    /** The current generation, or -1 before the first join. */
    public int generationId() {
        return membership.generation().generationId();
    }

    /** The leader's member id in the current generation, or {@code ""}. */
    public String leaderId() {
        return membership.leaderId();
    }

    public boolean isLeader() {
        String member = memberId();
        return !member.isEmpty() && member.equals(leaderId());
    }

    /** The partitions this member owns now. */
    public Set<TopicPartition> assignments() {
        return membership.owned();
    }

    /** Whether the member holds an assignment and heartbeats (not joining, failed or closed). */
    public boolean isStable() {
        return membership.state() == GroupMembership.State.STABLE;
    }

    /** Whether the member ended for good; {@link #failure()} says why. */
    public boolean isFailed() {
        return membership.state() == GroupMembership.State.FAILED;
    }

    /** The error that ended the member for good (e.g. FENCED_INSTANCE_ID), if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Partitions that stopped and why (no committed offset with reset NONE, out of range, not readable). */
    public Map<TopicPartition, Throwable> partitionErrors() {
        return Map.copyOf(partitionErrors);
    }

    /** Stops fetching {@code partition} until {@link #resume}; its queued batches are still handled. */
    public void pause(TopicPartition partition) {
        fetcher.pause(partition);
    }

    public void resume(TopicPartition partition) {
        fetcher.resume(partition);
    }

    /**
     * Stops fetching every owned partition, and every partition assigned later, until {@link #resumeAll}; batches
     * already queued are still handled.
     */
    public void pauseAll() {
        allPaused = true;
        workers.keySet().forEach(fetcher::pause);
    }

    /** Ends {@link #pauseAll}: every owned partition is fetched again. */
    public void resumeAll() {
        allPaused = false;
        workers.keySet().forEach(fetcher::resume);
    }

    /**
     * Moves an owned partition to {@code offset}: batches not handled yet are dropped, the next batch starts there, and
     * the next commit stores it. Clears a stopped partition's error.
     */
    public void seek(TopicPartition partition, long offset) {
        if (!membership.owned().contains(partition)) {
            throw new IllegalStateException(partition + " is not assigned to member '" + memberId() + "' of group '"
                    + options.groupId() + "'; it owns " + assignments());
        }
        if (!workers.containsKey(partition) && partitionErrors.remove(partition) != null) {
            // a partition that could not start (no committed offset with reset NONE) starts here
            workers.put(partition, new PartitionWorker<>(partition, offset, -1, workerContext));
            fetcher.assign(partition, offset);
            return;
        }
        PartitionWorker<?> worker = workers.get(partition);
        if (worker == null) {
            throw new IllegalStateException(partition + " is being assigned to member '" + memberId()
                    + "' right now; seek again once it is");
        }
        boolean stopped = partitionErrors.remove(partition) != null;
        fetcher.seek(partition, offset, epoch -> worker.seek(offset, epoch));
        if (stopped) {
            fetcher.resume(partition); // paused when its records could not be decoded
        }
    }

    /**
     * Commits {@code nextOffset} of {@code partition} now and waits for the answer (up to the shutdown timeout): a
     * manual acknowledgment committed immediately. Call it only from inside that partition's
     * {@link GenConsumer#handleMessageSet}, whose thread owns the partition's offsets; later commits never go back
     * below it.
     *
     * @throws IllegalStateException when the partition is not being handled by this member
     */
    public void commitSync(TopicPartition partition, long nextOffset) {
        PartitionWorker<?> worker = workers.get(partition);
        if (worker == null) {
            throw new IllegalStateException(partition + " is not assigned to member '" + memberId() + "' of group '"
                    + options.groupId() + "'; commit it from its handler while it is assigned");
        }
        worker.commitFromHandler(nextOffset);
    }

    /** {@link #seek} to the log start offset. */
    public CompletableFuture<Void> seekToBeginning(TopicPartition partition) {
        return client.earliestOffset(partition.topic(), partition.partition()).thenAccept(offset -> seek(partition, offset));
    }

    /** {@link #seek} to the end of the log: only records written from now on. */
    public CompletableFuture<Void> seekToEnd(TopicPartition partition) {
        return client.latestOffset(partition.topic(), partition.partition()).thenAccept(offset -> seek(partition, offset));
    }

    /** {@link #seek} to the first record with a timestamp at or after {@code epochMillis} (the end if none). */
    public CompletableFuture<Void> seekToTimestamp(TopicPartition partition, long epochMillis) {
        return client.offsetForTime(partition.topic(), partition.partition(), epochMillis).thenCompose(found -> {
            if (found.offset() < 0) {
                return seekToEnd(partition); // no record that recent
            }
            seek(partition, found.offset());
            return CompletableFuture.completedFuture(null);
        });
    }

    /** The lag of every owned partition. */
    public Map<TopicPartition, PartitionLag> lag() {
        Map<TopicPartition, PartitionLag> lag = new LinkedHashMap<>();
        workers.forEach((partition, worker) -> lag.put(partition, new PartitionLag(
                highWatermarks.getOrDefault(partition, -1L), worker.committedOffset(), worker.processedOffset())));
        return lag;
    }

    /** {@link #close(Duration)} with the shutdown timeout. */
    @Override
    public void close() {
        close(options.shutdownTimeout());
    }

    /**
     * Stops fetching, lets the batches being handled finish (the revocation waits up to the shutdown timeout, and no
     * longer than {@code timeout}; handlers still running once {@code timeout} has passed since the close began are
     * interrupted), commits, leaves the group
     * (a static member stays registered until its session times out), and ends every thread.
     */
    public void close(Duration timeout) {
        if (closed) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        closeDeadlineNanos = deadline;
        closed = true;
        try {
            membership.close();
        } finally {
            fetcher.close();
            pool.shutdown();
            try {
                // what the revocation already waited for counts: a stuck handler is waited for once, not twice
                if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
            client.close();
        }
    }

    private void scheduleCommitTick() {
        if (closed) {
            return;
        }
        client.runtime().network().schedule(COMMIT_TICK, () -> {
            workers.values().forEach(PartitionWorker::commitIfDue);
            emitLag();
            scheduleCommitTick();
        });
    }

    private void emitLag() {
        if (!telemetry.isEnabled()) {
            return;
        }
        lag().forEach((partition, lag) -> {
            if (lag.highWatermark() >= 0) {
                telemetry.emit(new ConsumerLagEvent(options.groupId(), partition.topic(), partition.partition(),
                        lag.highWatermark(), lag.committedOffset(), lag.position(), lag.committedLag(), lag.positionLag()));
            }
        });
    }

    /** Where each newly assigned partition starts: its committed offset, else per the reset policy. */
    private Map<TopicPartition, CommittedOffset> committedOffsets(Set<TopicPartition> partitions) {
        Map<TopicPartition, CommittedOffset> committed = new HashMap<>();
        PartitionsByTopic.group(partitions).forEach((topic, numbers) -> {
            for (CommittedOffset offset : client.fetchCommittedOffsetSync(options.groupId(), topic, numbers)) {
                committed.put(new TopicPartition(topic, offset.partition()), offset);
            }
        });
        return committed;
    }

    private long resetOffset(TopicPartition partition) {
        return switch (options.autoOffsetReset()) {
            case EARLIEST -> client.earliestOffsetSync(partition.topic(), partition.partition());
            case LATEST -> client.latestOffsetSync(partition.topic(), partition.partition());
            case NONE -> throw new NoCommittedOffsetException(options.groupId(), partition);
        };
    }

    /** A worker could not decode a chunk: the partition stops (fetching paused) until the application seeks it. */
    private void undecodable(TopicPartition partition, RuntimeException error) {
        fetcher.pause(partition);
        partitionFailed(partition, new KafkaExException("The records of " + partition + " fetched for group '"
                + options.groupId() + "' could not be decoded (" + error.getMessage() + "); the partition stopped at "
                + "its last handled offset so nothing is skipped: seek past the damaged records to go on", error));
    }

    private void partitionFailed(TopicPartition partition, Throwable error) {
        partitionErrors.put(partition, error);
        options.errorListener().onError(partition, error);
    }

    private void stopWorkers(Collection<TopicPartition> partitions, boolean commit) {
        fetcher.revoke(partitions);
        List<CompletableFuture<Void>> stopped = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            partitionErrors.remove(partition);
            highWatermarks.remove(partition);
            PartitionWorker<?> worker = workers.remove(partition);
            if (worker != null) {
                stopped.add(worker.stop(commit));
            }
        }
        try {
            CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new))
                    .get(stopWaitNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception late) {
            LOG.warn("Group '{}': partitions {} did not finish their batches and commits within {}; going on (their "
                    + "records not committed will be handled again by the next owner)", options.groupId(), partitions,
                    options.shutdownTimeout());
        }
    }

    /** How long revoked workers may take: the shutdown timeout, or less when a closing caller's deadline is nearer. */
    private long stopWaitNanos() {
        long wait = options.shutdownTimeout().toNanos();
        return closed ? Math.max(0, Math.min(wait, closeDeadlineNanos - System.nanoTime())) : wait;
    }

    /** The membership's calls, on the coordination thread. */
    private final class Listener implements MembershipListener {

        @Override
        public void assigned(Set<TopicPartition> partitions, Generation generation) {
            consumer.assignmentsReceived(partitions);
            Map<TopicPartition, CommittedOffset> committed;
            try {
                committed = committedOffsets(partitions);
            } catch (RuntimeException unreadable) {
                // never a silent reset: without the committed offsets the partitions cannot start
                membership.requestRejoin("the committed offsets of " + partitions + " could not be read: "
                        + unreadable.getMessage());
                partitions.forEach(partition -> partitionFailed(partition, unreadable));
                return;
            }
            Map<TopicPartition, Long> starts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                CommittedOffset found = committed.get(partition);
                try {
                    boolean hasCommit = found != null && found.isCommitted();
                    long initial = options.assignment().getOrDefault(partition, ConsumerGroupOptions.COMMITTED_OFFSET);
                    long start = initial != ConsumerGroupOptions.COMMITTED_OFFSET ? initial
                            : hasCommit ? found.offset() : resetOffset(partition);
                    workers.put(partition, new PartitionWorker<>(partition, start, hasCommit ? found.offset() : -1, workerContext));
                    starts.put(partition, start);
                } catch (RuntimeException noStart) {
                    partitionFailed(partition, noStart);
                }
            }
            fetcher.assign(starts); // one fetch per leader covers the whole assignment
            if (allPaused) {
                starts.keySet().forEach(fetcher::pause); // queued right behind the assignment on the event loop
            }
        }

        @Override
        public void revoked(Set<TopicPartition> partitions) {
            stopWorkers(partitions, true);
            consumer.assignmentsRevoked(partitions);
        }

        @Override
        public void lost(Set<TopicPartition> partitions) {
            stopWorkers(partitions, false);
            consumer.assignmentsRevoked(partitions);
        }

        @Override
        public void failed(Throwable error) {
            failure = error;
            options.errorListener().onError(null, error);
        }
    }

    /** The fetcher's deliveries, on the event loop. */
    private final class Sink implements FetchSink {

        @Override
        public void fetched(FetchedChunk chunk) {
            PartitionWorker<?> worker = workers.get(chunk.partition());
            if (worker == null) {
                fetcher.release(chunk);
            } else {
                worker.deliver(chunk);
            }
        }

        @Override
        public void watermarks(TopicPartition partition, long highWatermark, long lastStableOffset, long logStartOffset) {
            highWatermarks.put(partition, options.fetch().readableEnd(highWatermark, lastStableOffset));
        }

        @Override
        public void failed(TopicPartition partition, RuntimeException error) {
            partitionFailed(partition, error);
        }
    }

    private static java.util.concurrent.ThreadFactory workerThreads(String groupId) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "kafkaex-consumer-" + groupId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
