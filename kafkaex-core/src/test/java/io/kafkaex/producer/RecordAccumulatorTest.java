package io.kafkaex.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.RecordBatch;
import io.kafkaex.protocol.record.RecordBatchBuilder;
import io.kafkaex.protocol.record.RecordBatchReader;
import io.kafkaex.protocol.record.compression.CompressionType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordAccumulatorTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);
    private static final long LINGER = TimeUnit.SECONDS.toNanos(10);

    private final RecordAccumulator accumulator = new RecordAccumulator(new BufferPool(64 * 1024, 1_024), 1_024, LINGER,
            TimeUnit.MINUTES.toNanos(2), CompressionType.NONE.codec());

    @Test
    void recordsShareABatchUntilItIsFullAndOnlyThenIsItReadyBeforeLinger() throws Exception {
        RecordAccumulator.Appended first = append(P0, 100);
        assertThat(first.wakeSender()).isFalse();
        assertThat(accumulator.ready(System.nanoTime()).partitions()).isEmpty();

        boolean woken = false;
        for (int i = 0; i < 12; i++) {
            woken |= append(P0, 100).wakeSender();
        }

        assertThat(woken).as("the sender is woken once the first batch is complete").isTrue();
        assertThat(accumulator.ready(System.nanoTime()).partitions()).containsExactly(P0);
        List<ProducerBatch> drained = accumulator.drain(List.of(P0), Integer.MAX_VALUE);
        assertThat(drained).hasSize(1);
        assertThat(drained.get(0).recordCount()).isBetween(8, 10);
        assertThat(drained.get(0).sizeInBytes()).isLessThanOrEqualTo(1_024);
    }

    @Test
    void theSenderIsWokenOncePerCompletedBatchNotPerRecordWhileBatchesQueueUp() throws Exception {
        int wakeUps = 0;
        for (int i = 0; i < 100; i++) { // about ten batches of 1 KiB, none drained
            if (append(P0, 100).wakeSender()) {
                wakeUps++;
            }
        }

        int batches = 0;
        while (accumulator.hasQueued()) {
            batches += accumulator.drain(List.of(P0), Integer.MAX_VALUE).size();
        }
        assertThat(batches).isGreaterThan(5);
        assertThat(wakeUps).isBetween(batches - 1, 2 * batches);
    }

    @Test
    void aBatchBuiltByTheAppendThatFilledItIsStillNumberedWhenDrained() throws Exception {
        RecordAccumulator compressing = new RecordAccumulator(new BufferPool(64 * 1024, 4 * 1_024), 1_024, LINGER,
                TimeUnit.MINUTES.toNanos(2), CompressionType.LZ4.codec());
        ProducerIdentity identity = new ProducerIdentity(null, Duration.ofSeconds(30));
        identity.adopt(new ProducerIdentity.IdAndEpoch(77, (short) 2));
        byte[] value = new byte[100];
        while (!compressing.append(P0, 1L, null, value, null, RecordBatchBuilder.maxRecordSize(-1, value.length, null), 0)
                .wakeSender()) {
            // until the append that fills the first batch, which builds and compresses it
        }

        ProducerBatch first = compressing.drain(List.of(P0), Integer.MAX_VALUE, batch -> {
            assertThat(batch.isClosed()).as("built by the append that filled it").isTrue();
            assertThat(batch.needsStamp()).as("built, but never numbered").isTrue();
            identity.stamp(batch);
        }).get(0);

        RecordBatch sent = new RecordBatchReader(first.close(), 1 << 20).next(); // checks the rewritten checksum
        assertThat(sent.producerId()).isEqualTo(77);
        assertThat(sent.producerEpoch()).isEqualTo((short) 2);
        assertThat(sent.baseSequence()).isZero();
        assertThat(sent.compressionType()).isEqualTo(CompressionType.LZ4);
    }

    @Test
    void onlyBatchesPastTheirDeliveryDeadlineAreRemovedAsExpired() throws Exception {
        for (int i = 0; i < 30; i++) { // a few batches of P0, one of P1
            append(P0, 100);
        }
        append(P1, 100);
        long now = System.nanoTime();

        assertThat(accumulator.removeExpired(now)).isEmpty();
        List<ProducerBatch> expired = accumulator.removeExpired(now + TimeUnit.MINUTES.toNanos(3));

        assertThat(expired).hasSizeGreaterThan(2).extracting(batch -> batch.partition).contains(P0, P1);
        assertThat(accumulator.hasQueued()).isFalse();
    }

    @Test
    void aBatchThatLingeredLongEnoughIsReadyAndTheSleepUntilThenIsReported() throws Exception {
        append(P0, 10);
        long now = System.nanoTime();

        RecordAccumulator.Readiness early = accumulator.ready(now);
        RecordAccumulator.Readiness late = accumulator.ready(now + LINGER);

        assertThat(early.partitions()).isEmpty();
        assertThat(early.sleepNanos()).isPositive().isLessThanOrEqualTo(LINGER);
        assertThat(late.partitions()).containsExactly(P0);
    }

    @Test
    void aFlushMakesEveryBatchReadyAndReturnsWhatToWaitFor() throws Exception {
        append(P0, 10);
        append(P1, 10);

        assertThat(accumulator.beginFlush()).hasSize(2);
        assertThat(accumulator.ready(System.nanoTime()).partitions()).containsExactlyInAnyOrder(P0, P1);
        accumulator.endFlush();
        assertThat(accumulator.ready(System.nanoTime()).partitions()).isEmpty();
    }

    @Test
    void drainingStopsAtTheRequestSizeButAlwaysTakesOneBatch() throws Exception {
        append(P0, 600);
        append(P1, 600);

        List<ProducerBatch> first = accumulator.drain(List.of(P0, P1), 700);
        List<ProducerBatch> second = accumulator.drain(List.of(P0, P1), 10);

        assertThat(first).extracting(batch -> batch.partition).containsExactly(P0);
        assertThat(second).extracting(batch -> batch.partition).containsExactly(P1);
        assertThat(accumulator.hasQueued()).isFalse();
    }

    @Test
    void aRetriedBatchGoesBackBeforeNewerOnesAndWaitsForItsBackoff() throws Exception {
        append(P0, 1_000);
        ProducerBatch sent = accumulator.drain(List.of(P0), Integer.MAX_VALUE).get(0);
        append(P0, 1_000);
        long now = System.nanoTime();

        sent.retryAt(now + TimeUnit.SECONDS.toNanos(1));
        accumulator.reenqueue(sent);

        assertThat(accumulator.ready(now).partitions()).isEmpty();
        assertThat(accumulator.ready(now + TimeUnit.SECONDS.toNanos(1)).partitions()).containsExactly(P0);
        assertThat(accumulator.drain(List.of(P0), Integer.MAX_VALUE)).containsExactly(sent);
    }

    @Test
    void batchesInFlightTogetherGoBackInTheOrderTheyWereFirstDrained() throws Exception {
        List<ProducerBatch> drained = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            append(P0, 1_000);
            drained.add(accumulator.drain(List.of(P0), Integer.MAX_VALUE).get(0));
        }
        append(P0, 1_000); // never drained yet

        accumulator.reenqueue(drained.get(0)); // answers come in order: the first, then the second
        accumulator.reenqueue(drained.get(1));

        List<ProducerBatch> next = new ArrayList<>();
        while (accumulator.hasQueued()) {
            next.addAll(accumulator.drain(List.of(P0), Integer.MAX_VALUE));
        }
        assertThat(next).hasSize(3).startsWith(drained.get(0), drained.get(1)).doesNotContain(drained.get(2));
        assertThat(next.get(2).drainOrder()).isGreaterThan(drained.get(2).drainOrder());
    }

    @Test
    void releasedBatchesGiveTheirMemoryBack() throws Exception {
        long before = accumulator.availableMemory();
        append(P0, 10);
        ProducerBatch batch = accumulator.drain(List.of(P0), Integer.MAX_VALUE).get(0);
        assertThat(accumulator.availableMemory()).isEqualTo(before - 1_024);

        accumulator.release(batch);

        assertThat(accumulator.availableMemory()).isEqualTo(before);
    }

    @Test
    void compressedBatchesTakeMoreRecordsOnceTheyAreKnownToCompress() throws Exception {
        int batchSize = 1_024;
        RecordAccumulator lz4 = new RecordAccumulator(new BufferPool(64 * 1024, batchSize), batchSize, LINGER,
                TimeUnit.MINUTES.toNanos(2), CompressionType.LZ4.codec());
        byte[] compressible = new byte[50];
        int firstBatch = recordsInFirstBatch(lz4, compressible);
        for (int i = 0; i < 60; i++) {
            recordsInFirstBatch(lz4, compressible); // each complete batch teaches the estimate, the one-record rest does not
        }

        int later = recordsInFirstBatch(lz4, compressible);

        assertThat(later).as("records beyond the pooled buffer of one batch size").isGreaterThan(firstBatch * 8);
        assertThat(lz4.availableMemory()).as("the growth is not taken from the pool").isEqualTo(64 * 1024);
    }

    /** Appends until a batch is full, drains and releases every batch; returns the first one's record count. */
    private static int recordsInFirstBatch(RecordAccumulator accumulator, byte[] value) throws InterruptedException {
        while (!accumulator.append(P0, 1L, null, value, null, RecordBatchBuilder.maxRecordSize(-1, value.length, null), 0)
                .wakeSender()) {
            // keep appending until the first batch is full
        }
        ProducerBatch first = accumulator.drain(List.of(P0), Integer.MAX_VALUE).get(0);
        accumulator.release(first);
        while (accumulator.hasQueued()) {
            accumulator.drain(List.of(P0), Integer.MAX_VALUE).forEach(accumulator::release);
        }
        return first.recordCount();
    }

    private RecordAccumulator.Appended append(TopicPartition partition, int valueSize) throws InterruptedException {
        return accumulator.append(partition, 1L, null, new byte[valueSize], null,
                RecordBatchBuilder.maxRecordSize(-1, valueSize, null), 0);
    }
}
