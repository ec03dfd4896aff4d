package io.kafkaex.consumer;

import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.client.ReadableRecords;
import io.kafkaex.protocol.ProtocolException;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.protocol.record.RecordBatch;
import io.kafkaex.protocol.record.RecordBatchBuilder;
import io.kafkaex.protocol.record.RecordBatchReader;
import io.kafkaex.retry.Backoff;
import io.kafkaex.telemetry.ProcessEvent.CommitMode;
import io.kafkaex.telemetry.Telemetry;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One partition's worker: kafka_ex's commit rules (offset = last record + 1, threshold as an offset distance,
 * interval, threshold 0, nothing when nothing is new), chunks without records, handler failures, seeks and stops.
 * Most tests run the worker inline on the test thread.
 */
class PartitionWorkerTest {

    private static final TopicPartition TP = new TopicPartition("t", 0);

    private final List<Long> commits = new CopyOnWriteArrayList<>();
    private final List<FetchedChunk> released = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final List<Throwable> undecodable = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000);
    private long epoch = 1;

    @Test
    void asyncCommitsWaitForTheThresholdAsAnOffsetDistanceAndCommitTheNextOffsetToRead() {
        Handler handler = new Handler(HandleResult::asyncCommit);
        PartitionWorker<Integer> worker = worker(handler, options(100, Duration.ofMinutes(1)), Runnable::run);

        worker.deliver(chunk(0, 50));
        assertThat(commits).as("50 < threshold 100").isEmpty();
        worker.deliver(chunk(50, 30));
        assertThat(commits).isEmpty();
        worker.deliver(chunk(80, 20, 150)); // a gap up to 150 (compaction, markers) counts as distance too
        assertThat(commits).containsExactly(150L);
        assertThat(handler.batches).containsExactly(50, 30, 20);
        assertThat(released).hasSize(3);
    }

    @Test
    void thresholdZeroCommitsAfterEveryBatch() {
        PartitionWorker<Integer> worker = worker(new Handler(HandleResult::asyncCommit), options(0, Duration.ofMinutes(1)),
                Runnable::run);
        worker.deliver(chunk(0, 3));
        worker.deliver(chunk(3, 2));
        assertThat(commits).containsExactly(3L, 5L);
    }

    @Test
    void theIntervalCommitsOnTheNextBatchOrOnTheTimerWhenIdle() {
        PartitionWorker<Integer> worker = worker(new Handler(HandleResult::asyncCommit), options(1_000, Duration.ofSeconds(5)),
                Runnable::run);
        worker.deliver(chunk(0, 10));
        assertThat(commits).isEmpty();
        clock.addAndGet(5_000);
        worker.deliver(chunk(10, 10));
        assertThat(commits).containsExactly(20L);

        worker.deliver(chunk(20, 1));
        worker.commitIfDue();
        assertThat(commits).as("interval not over").containsExactly(20L);
        clock.addAndGet(5_000);
        worker.commitIfDue();
        assertThat(commits).containsExactly(20L, 21L);
        clock.addAndGet(5_000);
        worker.commitIfDue();
        assertThat(commits).as("nothing new: no commit").containsExactly(20L, 21L);
    }

    @Test
    void syncCommitCommitsBeforeTheNextBatch() {
        Handler handler = new Handler(HandleResult::syncCommit);
        handler.beforeBatch = () -> handler.commitsSeen.add(List.copyOf(commits));
        PartitionWorker<Integer> worker = worker(handler, options(1_000, Duration.ofMinutes(1)), Runnable::run);
        worker.deliver(chunk(0, 4));
        worker.deliver(chunk(4, 4));
        assertThat(handler.commitsSeen).containsExactly(List.of(), List.of(4L));
        assertThat(commits).containsExactly(4L, 8L);
    }

    @Test
    void aHandlerThatLimitsTheCommitKeepsTheRestProcessedButUncommitted() {
        Handler handler = new Handler(state -> HandleResult.commitUpTo(CommitMode.SYNC, 2, state));
        PartitionWorker<Integer> worker = worker(handler, options(1_000, Duration.ofMinutes(1)), Runnable::run);
        worker.deliver(chunk(0, 5));
        assertThat(commits).containsExactly(2L);
        assertThat(worker.processedOffset()).isEqualTo(5);
        assertThat(worker.committableOffset()).isEqualTo(2);

        worker.deliver(new FetchedChunk(TP, epoch, 5, List.of(), 7, 0));
        assertThat(worker.committableOffset()).as("records held back: markers after them are not committable").isEqualTo(2);
        worker.deliver(chunk(7, 2));
        assertThat(commits).as("a lower limit than before changes nothing").containsExactly(2L);
        worker.stop(true).join();
        assertThat(commits).as("the stop commits only what was allowed").containsExactly(2L);
    }

    @Test
    void aLimitPastTheBatchIsCappedAtItsEndAndWholeBatchCommitsEverything() {
        AtomicInteger calls = new AtomicInteger();
        Handler handler = new Handler(state -> calls.incrementAndGet() == 1
                ? HandleResult.commitUpTo(CommitMode.SYNC, 99, state) : HandleResult.syncCommit(state));
        PartitionWorker<Integer> worker = worker(handler, options(1_000, Duration.ofMinutes(1)), Runnable::run);
        worker.deliver(chunk(0, 3));
        worker.deliver(chunk(3, 3));
        assertThat(commits).containsExactly(3L, 6L);
    }

    @Test
    void aCommitFromTheHandlerIsSentAtOnceAndLaterCommitsNeverGoBelowIt() {
        java.util.concurrent.atomic.AtomicReference<PartitionWorker<Integer>> self = new java.util.concurrent.atomic.AtomicReference<>();
        Handler handler = new Handler(state -> HandleResult.commitUpTo(CommitMode.ASYNC, 0, state));
        handler.beforeBatch = () -> {
            self.get().commitFromHandler(1);
            handler.commitsSeen.add(List.copyOf(commits));
        };
        self.set(worker(handler, options(0, Duration.ofMinutes(1)), Runnable::run));
        self.get().deliver(chunk(0, 4));
        assertThat(handler.commitsSeen).containsExactly(List.of(1L));
        assertThat(self.get().committableOffset()).isEqualTo(1);
        assertThat(commits).containsExactly(1L);
    }

    @Test
    void aChunkWithoutRecordsMovesThePositionWithoutCallingTheHandler() {
        Handler handler = new Handler(HandleResult::asyncCommit);
        PartitionWorker<Integer> worker = worker(handler, options(0, Duration.ofMinutes(1)), Runnable::run);
        worker.deliver(new FetchedChunk(TP, epoch, 10, List.of(), 12, 0)); // e.g. only a commit marker
        assertThat(handler.batches).isEmpty();
        assertThat(worker.processedOffset()).isEqualTo(12);
        assertThat(released).hasSize(1);
        assertThat(commits).as("committed with the next timer tick, not on its own").isEmpty();
        clock.addAndGet(60_000);
        worker.commitIfDue();
        assertThat(commits).containsExactly(12L);
    }

    @Test
    void aFailingHandlerIsReportedAndGetsTheSameBatchAgainWithAFreshState() {
        AtomicInteger calls = new AtomicInteger();
        Handler handler = new Handler(state -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("boom " + calls.get());
            }
            return HandleResult.asyncCommit(state);
        });
        PartitionWorker<Integer> worker = worker(handler, options(0, Duration.ofMinutes(1)), Runnable::run);
        worker.deliver(chunk(0, 5));

        assertThat(errors).hasSize(2).allSatisfy(error -> assertThat(error).isInstanceOf(HandlerException.class)
                .hasMessageContaining("t-0").hasMessageContaining("offsets 0..4"));
        assertThat(((HandlerException) errors.get(1)).attempts()).isEqualTo(2);
        assertThat(handler.inits).as("a fresh state per attempt").hasValue(3);
        assertThat(handler.batches).containsExactly(5, 5, 5);
        assertThat(commits).containsExactly(5L);
    }

    @Test
    void aSeekDropsQueuedChunksAndChunksFetchedBeforeIt() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Handler handler = new Handler(HandleResult::asyncCommit);
        handler.beforeBatch = () -> {
            inHandler.countDown();
            await(proceed);
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            PartitionWorker<Integer> worker = worker(handler, options(1_000, Duration.ofMinutes(1)), pool);
            worker.deliver(chunk(0, 5));
            assertThat(inHandler.await(5, TimeUnit.SECONDS)).isTrue();
            FetchedChunk queued = chunk(5, 5);
            worker.deliver(queued);
            worker.seek(100, 2);
            worker.deliver(chunk(10, 5)); // fetched in epoch 1, before the seek reached the fetcher
            epoch = 2;
            worker.deliver(chunk(100, 3));
            proceed.countDown();
            Eventually.until(() -> worker.processedOffset() == 103);
            assertThat(handler.firstOffsets).containsExactly(0L, 100L);
            assertThat(released).hasSize(4);
        } finally {
            proceed.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void stopCommitsWhatWasHandledUnlessThePartitionWasLost() throws Exception {
        PartitionWorker<Integer> revoked = worker(new Handler(HandleResult::asyncCommit), options(1_000, Duration.ofMinutes(1)),
                Runnable::run);
        revoked.deliver(chunk(0, 7));
        revoked.stop(true).get(1, TimeUnit.SECONDS);
        assertThat(commits).containsExactly(7L);
        revoked.deliver(chunk(7, 1));
        assertThat(revoked.processedOffset()).as("nothing handled after the stop").isEqualTo(7);

        PartitionWorker<Integer> lost = worker(new Handler(HandleResult::asyncCommit), options(1_000, Duration.ofMinutes(1)),
                Runnable::run);
        lost.deliver(chunk(0, 3));
        lost.stop(false).get(1, TimeUnit.SECONDS);
        assertThat(commits).containsExactly(7L);
    }

    @Test
    void anUndecodableChunkStopsThePartitionWithoutSkippingUntilASeek() {
        Handler handler = new Handler(HandleResult::asyncCommit);
        PartitionWorker<Integer> worker = worker(handler, options(0, Duration.ofMinutes(1)), Runnable::run);
        worker.deliver(chunk(0, 2));
        RecordBatch broken = brokenBatch(2);
        worker.deliver(new FetchedChunk(TP, epoch, 2, new ReadableRecords.Batches(List.of(broken), 2, 3), 3, 10));
        worker.deliver(chunk(3, 2));
        assertThat(undecodable).singleElement().satisfies(error -> assertThat(error).hasMessageContaining("damaged"));
        assertThat(worker.processedOffset()).as("stopped before the damaged records").isEqualTo(2);
        assertThat(handler.firstOffsets).containsExactly(0L);
        assertThat(released).hasSize(3);

        worker.seek(3, epoch);
        worker.deliver(chunk(3, 2));
        assertThat(handler.firstOffsets).containsExactly(0L, 3L);
        assertThat(worker.processedOffset()).isEqualTo(5);
    }

    /** A batch whose records cannot be decoded. */
    private static RecordBatch brokenBatch(long offset) {
        return (RecordBatch) java.lang.reflect.Proxy.newProxyInstance(RecordBatch.class.getClassLoader(),
                new Class<?>[] {RecordBatch.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "iterator" -> throw new ProtocolException("damaged record bytes at " + offset);
                    case "lastOffset", "baseOffset" -> offset;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    // --- fixtures ---

    private PartitionWorker<Integer> worker(Handler handler, ConsumerGroupOptions options, java.util.concurrent.Executor pool) {
        PartitionWorker.Context context = new PartitionWorker.Context("g", "test", handler, (partition, offset) -> {
            commits.add(offset);
            return CompletableFuture.completedFuture(null);
        }, released::add, (partition, error) -> undecodable.add(error), Telemetry.noop(), options, pool, clock::get);
        return new PartitionWorker<>(TP, 0, -1, context);
    }

    private ConsumerGroupOptions options(int threshold, Duration interval) {
        return ConsumerGroupOptions.builder(KafkaExClientOptions.builder().bootstrapServers("localhost:9092").build(), "g",
                        List.of("t"))
                .commitThreshold(threshold).commitInterval(interval)
                .handlerBackoff(Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(2)))
                .errorListener((partition, error) -> errors.add(error)).build();
    }

    private FetchedChunk chunk(long from, int count) {
        return chunk(from, count, from + count);
    }

    private FetchedChunk chunk(long from, int count, long next) {
        RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(4096)).baseOffset(from);
        for (int i = 0; i < count; i++) {
            builder.append(0L, (byte[]) null, new byte[] {(byte) i}, null);
        }
        List<Record> records = new ArrayList<>();
        new RecordBatchReader(builder.build(), 1 << 20).forEachRemaining(batch -> batch.forEach(records::add));
        return new FetchedChunk(TP, epoch, from, records, next, 100);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A handler whose state counts batches; records batch sizes and first offsets. */
    private static final class Handler implements GenConsumer<Integer> {
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        final List<Long> firstOffsets = new CopyOnWriteArrayList<>();
        final List<List<Long>> commitsSeen = new CopyOnWriteArrayList<>();
        final AtomicInteger inits = new AtomicInteger();
        final java.util.function.Function<Integer, HandleResult<Integer>> result;
        volatile Runnable beforeBatch = () -> { };

        Handler(java.util.function.Function<Integer, HandleResult<Integer>> result) {
            this.result = result;
        }

        @Override
        public Integer init(TopicPartition partition) {
            inits.incrementAndGet();
            return 0;
        }

        @Override
        public HandleResult<Integer> handleMessageSet(List<Record> records, Integer state) {
            beforeBatch.run();
            batches.add(records.size());
            firstOffsets.add(records.get(0).offset());
            return result.apply(state + 1);
        }
    }
}
