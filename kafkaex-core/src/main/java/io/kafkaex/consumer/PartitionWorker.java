package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.telemetry.ProcessEvent;
import io.kafkaex.telemetry.ProcessEvent.CommitMode;
import io.kafkaex.telemetry.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The worker of one assigned partition: hands each fetched chunk to the {@link GenConsumer}, one at a time and in
 * offset order, then gives the chunk's memory back to the fetcher and commits as the handler asked — kafka_ex's
 * commit rules: SYNC commits before the next batch; ASYNC commits when the processed offset is at least
 * {@code commitThreshold} past the committed one or {@code commitInterval} passed since the last commit (an idle
 * partition's pending offset is committed by {@link #commitIfDue()}, which the group calls on a timer). Committed
 * offsets are always "the next offset to read". A handler that throws is reported and gets the same batch again
 * after a backoff, with a state made anew by {@code init}: nothing is skipped.
 *
 * <p>Threads: {@link #deliver}, {@link #seek}, {@link #commitIfDue} and {@link #stop} from any thread; the work runs
 * on the group's worker pool, never on two threads at once for one partition, and different partitions in parallel.
 *
 * @param <S> the handler's per-partition state
 */
final class PartitionWorker<S> {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionWorker.class);

    /** Commits one partition's offset for the current generation; {@link OffsetCommits} in a group. */
    interface Committer {
        CompletableFuture<Void> commit(TopicPartition partition, long offset);
    }

    /** What the group gives every worker. */
    record Context(String groupId, String consumerName, GenConsumer<?> consumer, Committer commits,
            Consumer<FetchedChunk> release, BiConsumer<TopicPartition, RuntimeException> undecodable,
            Telemetry telemetry, ConsumerGroupOptions options, Executor pool, LongSupplier clock) {
    }

    private final TopicPartition partition;
    private final GenConsumer<S> consumer;
    private final Context context;
    private final ProcessEvent.Metadata processMetadata;
    /** Chunks, seeks and the stop to work on, in order; guarded by {@code this}. */
    private final Deque<Object> pending = new ArrayDeque<>();
    private boolean scheduled;
    private boolean stopping;
    /** Chunks fetched before the last seek (an older position epoch) are dropped; guarded by {@code this}. */
    private long minEpoch;

    // Owned by the draining thread (one at a time, handed over through the monitor of this).
    private S state;
    private boolean initialized;
    private int failures;
    /** A chunk could not be decoded: later chunks are given back unhandled until a seek. */
    private boolean stuckOnUndecodable;

    // Read by other threads for lag and commits.
    private volatile long processed;
    /** What a commit now would store: {@code processed}, or less while the handler limits it (manual acks). */
    private volatile long committable;
    private volatile long committed;
    private volatile long lastCommitMillis;
    private volatile boolean commitInFlight;

    @SuppressWarnings("unchecked")
    PartitionWorker(TopicPartition partition, long startOffset, long committedOffset, Context context) {
        this.partition = partition;
        this.consumer = (GenConsumer<S>) context.consumer();
        this.context = context;
        this.processed = startOffset;
        this.committable = startOffset;
        this.committed = committedOffset;
        this.lastCommitMillis = context.clock().getAsLong();
        this.processMetadata = new ProcessEvent.Metadata(context.groupId(), partition.topic(), partition.partition(),
                context.consumerName());
    }

    TopicPartition partition() {
        return partition;
    }

    /** The offset after the last record handled. */
    long processedOffset() {
        return processed;
    }

    /** What a commit now would store: the processed offset unless the handler limited it. */
    long committableOffset() {
        return committable;
    }

    /** The last offset this worker committed, or -1. */
    long committedOffset() {
        return committed;
    }

    /** Queues a fetched chunk; a stopping worker, or one seeked since the chunk was fetched, gives it straight back. */
    void deliver(FetchedChunk chunk) {
        synchronized (this) {
            if (!stopping && chunk.epoch() >= minEpoch) {
                pending.add(chunk);
                scheduleLocked();
                return;
            }
        }
        context.release().accept(chunk);
    }

    /**
     * Drops the queued chunks and any later one fetched before the seek (the fetcher fetches from {@code offset} anew,
     * in position epoch {@code epoch}), and moves the processed offset to {@code offset}.
     */
    void seek(long offset, long epoch) {
        synchronized (this) {
            minEpoch = Math.max(minEpoch, epoch);
        }
        for (Object dropped : takeQueued(new Seek(offset))) {
            context.release().accept((FetchedChunk) dropped);
        }
    }

    /** Commits the committable offset if the commit interval has passed since the last commit. */
    void commitIfDue() {
        if (committable != committed && context.clock().getAsLong() - lastCommitMillis >= context.options().commitInterval().toMillis()) {
            synchronized (this) {
                if (!stopping) {
                    pending.add(CommitTick.INSTANCE);
                    scheduleLocked();
                }
            }
        }
    }

    /**
     * Commits up to {@code nextOffset} now and waits for the answer (a manual acknowledgment committed immediately).
     * Only for the handler of this partition, inside {@link GenConsumer#handleMessageSet}: it runs on the draining
     * thread, which owns the offsets.
     */
    void commitFromHandler(long nextOffset) {
        committable = Math.max(committable, nextOffset);
        commitNow();
    }

    /**
     * Stops after the batch being handled now: drops the queue, then commits the committable offset when
     * {@code commit} is set (revocation, shutdown) and not when the partition was lost.
     *
     * @return completes when the worker is done (its commit answered or failed)
     */
    CompletableFuture<Void> stop(boolean commit) {
        Stop stop = new Stop(commit, new CompletableFuture<>());
        for (Object dropped : takeQueued(stop)) {
            context.release().accept((FetchedChunk) dropped);
        }
        return stop.done();
    }

    private Iterable<Object> takeQueued(Object replacement) {
        Deque<Object> dropped = new ArrayDeque<>();
        synchronized (this) {
            if (stopping) {
                if (replacement instanceof Stop stop) {
                    stop.done().complete(null);
                }
                return dropped;
            }
            for (Object item : pending) {
                if (item instanceof FetchedChunk) {
                    dropped.add(item);
                }
            }
            pending.clear();
            pending.add(replacement);
            stopping = replacement instanceof Stop;
            scheduleLocked();
            notifyAll(); // ends a backoff wait
        }
        return dropped;
    }

    private void scheduleLocked() {
        if (!scheduled) {
            scheduled = true;
            context.pool().execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Object item;
            synchronized (this) {
                item = pending.poll();
                if (item == null) {
                    scheduled = false;
                    return;
                }
            }
            if (item instanceof FetchedChunk chunk) {
                handle(chunk);
            } else if (item instanceof Seek seek) {
                processed = seek.offset();
                committable = seek.offset();
                stuckOnUndecodable = false;
            } else if (item instanceof CommitTick) {
                commitAsync();
            } else if (item instanceof Stop stop) {
                finish(stop);
                return; // scheduled stays true: nothing runs after the stop
            }
        }
    }

    private void handle(FetchedChunk chunk) {
        if (stuckOnUndecodable) {
            context.release().accept(chunk);
            return;
        }
        try {
            chunk.records(); // decoded here, on this partition's worker
        } catch (RuntimeException undecodable) {
            // corrupt bytes or a codec without its library: skipping would lose records, so stop here until a seek
            stuckOnUndecodable = true;
            context.release().accept(chunk);
            context.undecodable().accept(partition, undecodable);
            return;
        }
        if (chunk.records().isEmpty()) {
            if (committable == processed) {
                committable = chunk.nextOffset(); // nothing held back by the handler: the markers are committable
            }
            processed = chunk.nextOffset(); // only control records or aborted transactions: nothing to hand over
            context.release().accept(chunk);
            return;
        }
        while (true) {
            if (!initialized) {
                state = consumer.init(partition);
                initialized = true;
            }
            HandleResult<S> result;
            try {
                result = process(chunk);
            } catch (RuntimeException | Error failure) {
                failures++;
                initialized = false; // kafka_ex restarted the partition's process, so its state began anew
                context.options().errorListener().onError(partition, new HandlerException(partition, chunk, failures, failure));
                if (waitBeforeRetry()) {
                    continue;
                }
                context.release().accept(chunk); // a seek or stop came in: it decides what is handled next
                return;
            }
            failures = 0;
            state = result.state();
            processed = chunk.nextOffset();
            committable = result.commitUpTo() == HandleResult.WHOLE_BATCH ? processed
                    : Math.max(committable, Math.min(result.commitUpTo(), processed));
            context.release().accept(chunk);
            afterBatch(result.commitMode());
            return;
        }
    }

    private HandleResult<S> process(FetchedChunk chunk) {
        Telemetry telemetry = context.telemetry();
        if (!telemetry.isEnabled()) {
            return requireResult(consumer.handleMessageSet(chunk.records(), state));
        }
        long start = System.nanoTime();
        telemetry.emit(new ProcessEvent.Start(processMetadata, Instant.now(), chunk.records().size()));
        try {
            HandleResult<S> result = requireResult(consumer.handleMessageSet(chunk.records(), state));
            telemetry.emit(new ProcessEvent.Stop(processMetadata, Duration.ofNanos(System.nanoTime() - start),
                    chunk.records().size(), result.commitMode()));
            return result;
        } catch (RuntimeException | Error failure) {
            telemetry.emit(new ProcessEvent.Thrown(processMetadata, Duration.ofNanos(System.nanoTime() - start), failure));
            throw failure;
        }
    }

    private HandleResult<S> requireResult(HandleResult<S> result) {
        if (result == null) {
            throw new IllegalStateException("handleMessageSet of " + partition + " returned null; return "
                    + "HandleResult.asyncCommit(state) or HandleResult.syncCommit(state)");
        }
        return result;
    }

    /** Waits out the handler backoff; false when a seek or stop arrived meanwhile (they replace the whole queue). */
    private boolean waitBeforeRetry() {
        long delay = context.options().handlerBackoff().delay(failures).toMillis();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
        synchronized (this) {
            try {
                while (!seekOrStopQueued()) {
                    long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
                    if (left <= 0) {
                        return true;
                    }
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return !seekOrStopQueued();
        }
    }

    private boolean seekOrStopQueued() {
        Object head = pending.peekFirst();
        return head instanceof Seek || head instanceof Stop;
    }

    private void afterBatch(CommitMode mode) {
        if (mode == CommitMode.SYNC) {
            commitNow();
            return;
        }
        long distance = committable - committed;
        long now = context.clock().getAsLong();
        if (distance >= context.options().commitThreshold()
                || now - lastCommitMillis >= context.options().commitInterval().toMillis()) {
            commitAsync();
        }
    }

    private void commitAsync() {
        long offset = committable;
        if (offset == committed || commitInFlight) {
            return;
        }
        commitInFlight = true;
        context.commits().commit(partition, offset).whenComplete((ignored, failure) -> committed(offset, failure));
    }

    /** Commits the committable offset and waits for the answer; a failure is logged and the next commit retries it. */
    private void commitNow() {
        long offset = committable;
        if (offset == committed) {
            return;
        }
        try {
            context.commits().commit(partition, offset).whenComplete((ignored, failure) -> committed(offset, failure))
                    .get(context.options().shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            // logged by committed(...)
        }
    }

    private void committed(long offset, Throwable failure) {
        commitInFlight = false;
        lastCommitMillis = context.clock().getAsLong();
        if (failure == null) {
            committed = offset;
            return;
        }
        CommitErrors kind = CommitErrors.classify(failure);
        if (kind == CommitErrors.FATAL) {
            context.options().errorListener().onError(partition, failure);
        } else {
            LOG.warn("Committing offset {} of {} failed ({}, {}); the next commit carries it again", offset, partition,
                    kind, failure.getMessage());
        }
    }

    private void finish(Stop stop) {
        try {
            if (stop.commit()) {
                commitNow();
            }
        } finally {
            stop.done().complete(null);
        }
    }

    /** Move the processed offset to {@code offset} (a seek); queued after the chunks it replaces were dropped. */
    private record Seek(long offset) {
    }

    /** Commit now if anything is pending: the commit interval passed while the partition was idle. */
    private enum CommitTick {
        INSTANCE
    }

    /** Stop after the current batch, committing first when {@code commit}. */
    private record Stop(boolean commit, CompletableFuture<Void> done) {
    }
}
