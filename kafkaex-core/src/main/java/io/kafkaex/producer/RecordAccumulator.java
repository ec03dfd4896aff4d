package io.kafkaex.producer;

import io.kafkaex.client.RecordMetadata;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.RecordBatchBuilder;
import io.kafkaex.protocol.record.compression.CompressionCodec;
import io.kafkaex.protocol.record.compression.CompressionType;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Collects records into per-partition batches in bounded memory ({@link BufferPool}) until the sender drains
 * them: a batch is ready when it is full, when it has waited {@code linger}, when someone flushes or closes, or
 * when others wait for memory. Retried batches go back to the head of their partition's queue, keeping the
 * partition's order. A compressed batch counts its estimated compressed size against the batch size
 * ({@link CompressionRatios}): it starts in a pooled buffer of the batch size and grows beyond it on the heap, as
 * kafka-clients' batches do, up to {@link #MAX_UNCOMPRESSED_BATCH} bytes before compression. A batch that
 * is complete is built (and compressed) by the appending thread that completed it, as kafka-clients compresses
 * on the sending threads, so the sender thread only numbers and sends batches.
 *
 * <p>Thread-safe: {@link #append} is called by the threads that call {@code send}, everything else by the
 * sender thread; each partition's queue is guarded by its own lock.
 */
final class RecordAccumulator {

    private final BufferPool pool;
    private final int batchSize;
    private final long lingerNanos;
    private final long deliveryTimeoutNanos;
    private final CompressionCodec codec;
    private final boolean transactional;
    private final CompressionRatios ratios = new CompressionRatios();
    /** Buffers open compressed batches grow into, given back when built: 16 of at most 512 KiB kept, 8 MiB. */
    private final GrowthBuffers growthBuffers = new GrowthBuffers(16);
    private final ConcurrentMap<TopicPartition, Deque<ProducerBatch>> queues = new ConcurrentHashMap<>();
    private final Set<ProducerBatch> incomplete = ConcurrentHashMap.newKeySet();
    private final AtomicInteger flushes = new AtomicInteger();
    /** Numbers batches as they are first drained, so retried ones go back in their original order. */
    private long drainCount;
    private volatile boolean closing;

    /**
     * The most bytes of records before compression a compressed batch takes, whatever its estimated ratio: half of
     * the default 1 MiB request, so that even records that suddenly stop compressing stay within a broker's
     * default {@code message.max.bytes}.
     */
    static final int MAX_UNCOMPRESSED_BATCH = 512 * 1024;

    RecordAccumulator(BufferPool pool, int batchSize, long lingerNanos, long deliveryTimeoutNanos, CompressionCodec codec) {
        this(pool, batchSize, lingerNanos, deliveryTimeoutNanos, codec, false);
    }

    /** As above; {@code transactional}: the producer's batches belong to transactions. */
    RecordAccumulator(BufferPool pool, int batchSize, long lingerNanos, long deliveryTimeoutNanos, CompressionCodec codec,
            boolean transactional) {
        this.transactional = transactional;
        this.pool = pool;
        this.batchSize = batchSize;
        this.lingerNanos = lingerNanos;
        this.deliveryTimeoutNanos = deliveryTimeoutNanos;
        this.codec = codec;
    }

    /**
     * Where an append went: the record's future, and whether the sender should look now — only when the append made
     * a batch ready (it filled its batch, or it started a new one behind a batch that is now complete), so a sender
     * held back by max-in-flight is woken once per batch, not once per record.
     */
    record Appended(CompletableFuture<RecordMetadata> future, boolean wakeSender) {
    }

    /**
     * Appends a record of at most {@code recordSize} bytes ({@link RecordBatchBuilder#maxRecordSize}) to the last
     * batch of {@code partition}, or to a new one, waiting at most {@code maxBlockNanos} for memory.
     *
     * @throws ProducerTimeoutException when no memory came in time
     */
    Appended append(TopicPartition partition, long timestamp, byte[] key, byte[] value, Header[] headers, int recordSize,
            long maxBlockNanos) throws InterruptedException {
        Deque<ProducerBatch> queue = queues.computeIfAbsent(partition, ignored -> new ArrayDeque<>());
        synchronized (queue) {
            Appended appended = tryAppend(partition, queue, timestamp, key, value, headers, recordSize);
            if (appended != null) {
                return appended;
            }
        }
        int size = Math.max(pool.poolableSize(), RecordBatchBuilder.HEADER_SIZE + recordSize);
        ByteBuffer buffer = pool.allocate(size, maxBlockNanos);
        synchronized (queue) {
            Appended appended = tryAppend(partition, queue, timestamp, key, value, headers, recordSize); // another thread may have made room
            if (appended != null) {
                pool.deallocate(buffer, size);
                return appended;
            }
            ProducerBatch previous = queue.peekLast();
            if (previous != null && !previous.isClosed()) {
                buildComplete(partition, previous); // the record did not fit: the batch is complete
            }
            int sizeLimit = sizeLimit(partition.topic(), size);
            ProducerBatch batch = new ProducerBatch(partition, buffer,
                    capacity -> growthBuffers.take(Math.max(capacity, RecordBatchBuilder.HEADER_SIZE + sizeLimit)),
                    growthBuffers::give, size, sizeLimit, codec, transactional, System.nanoTime(), deliveryTimeoutNanos);
            CompletableFuture<RecordMetadata> future = batch.tryAppend(timestamp, key, value, headers, recordSize);
            queue.addLast(batch);
            incomplete.add(batch);
            boolean full = batch.isFull();
            if (full) {
                buildComplete(partition, batch);
            }
            return new Appended(future, queue.size() > 1 || full);
        }
    }

    /** Bytes before compression a new batch of {@code topic} with a buffer of {@code size} bytes takes. */
    private int sizeLimit(String topic, int size) {
        if (codec.type() == CompressionType.NONE) {
            return batchSize;
        }
        return (int) Math.max(size, Math.min(Math.max(batchSize, MAX_UNCOMPRESSED_BATCH), batchSize / ratios.estimate(topic)));
    }

    /** Appends to the last batch of the queue if the record fits; a batch it fills is built at once, by this thread. */
    private Appended tryAppend(TopicPartition partition, Deque<ProducerBatch> queue, long timestamp, byte[] key, byte[] value,
            Header[] headers, int recordSize) {
        ProducerBatch last = queue.peekLast();
        if (last == null) {
            return null;
        }
        CompletableFuture<RecordMetadata> future = last.tryAppend(timestamp, key, value, headers, recordSize);
        if (future == null) {
            return null;
        }
        boolean full = last.isFull();
        if (full) {
            buildComplete(partition, last);
        }
        return new Appended(future, full);
    }

    /**
     * Builds (and compresses) a complete batch under its queue's lock on the appending thread that completed it, so
     * compression runs beside the sender rather than on it, and learns the topic's compression ratio from it. Only
     * complete batches teach the ratio: a batch sent after linger with a few records compresses worse, its header
     * weighing more, and would make the next full batches smaller than they need be.
     */
    private void buildComplete(TopicPartition partition, ProducerBatch batch) {
        batch.close();
        if (codec.type() != CompressionType.NONE) {
            ratios.observe(partition.topic(), batch.sizeInBytes(), batch.uncompressedSize());
        }
    }

    /**
     * The partitions whose first batch may be sent at {@code nowNanos}, and the longest the sender may sleep
     * before one of the others becomes sendable.
     */
    Readiness ready(long nowNanos) {
        boolean hurry = closing || flushes.get() > 0 || pool.waitingThreads() > 0;
        List<TopicPartition> ready = new ArrayList<>();
        long sleepNanos = Long.MAX_VALUE;
        for (Map.Entry<TopicPartition, Deque<ProducerBatch>> entry : queues.entrySet()) {
            Deque<ProducerBatch> queue = entry.getValue();
            synchronized (queue) {
                ProducerBatch first = queue.peekFirst();
                if (first == null) {
                    continue;
                }
                if (first.attempts() > 0 && first.retryAtNanos() - nowNanos > 0) {
                    sleepNanos = Math.min(sleepNanos, first.retryAtNanos() - nowNanos);
                    continue;
                }
                long waited = nowNanos - first.createdNanos;
                if (hurry || queue.size() > 1 || first.isFull() || first.attempts() > 0 || waited >= lingerNanos) {
                    ready.add(entry.getKey());
                } else {
                    sleepNanos = Math.min(sleepNanos, lingerNanos - waited);
                }
            }
        }
        return new Readiness(ready, sleepNanos);
    }

    /** Sendable partitions, and how long until another may become sendable ({@link Long#MAX_VALUE}: no batch waits). */
    record Readiness(List<TopicPartition> partitions, long sleepNanos) {
    }

    /**
     * Takes the first batch of each of {@code partitions} (closed, ready to send) while their built sizes stay
     * within {@code maxRequestBytes}; one batch always goes, whatever its size.
     */
    List<ProducerBatch> drain(List<TopicPartition> partitions, int maxRequestBytes) {
        return drain(partitions, maxRequestBytes, batch -> { });
    }

    /** As {@link #drain(List, int)}, handing each batch to {@code prepare} first (the idempotent producer's stamp). */
    List<ProducerBatch> drain(List<TopicPartition> partitions, int maxRequestBytes, Consumer<ProducerBatch> prepare) {
        List<ProducerBatch> drained = new ArrayList<>();
        int size = 0;
        for (TopicPartition partition : partitions) {
            Deque<ProducerBatch> queue = queues.get(partition);
            if (queue == null) {
                continue;
            }
            synchronized (queue) {
                ProducerBatch first = queue.peekFirst();
                if (first == null) {
                    continue;
                }
                prepare.accept(first);
                first.markDrained(drainCount++);
                if (!first.isClosed()) {
                    first.close(); // ready before it is complete (linger, flush): built here, teaching no ratio
                }
                if (!drained.isEmpty() && size + first.sizeInBytes() > maxRequestBytes) {
                    break;
                }
                queue.pollFirst();
                drained.add(first);
                size += first.sizeInBytes();
            }
        }
        return drained;
    }

    /**
     * Puts a batch that will be tried again back into its partition's queue ahead of every batch drained after
     * it and of those never drained, so batches that were in flight together go out again in their order.
     */
    void reenqueue(ProducerBatch batch) {
        Deque<ProducerBatch> queue = queues.computeIfAbsent(batch.partition, ignored -> new ArrayDeque<>());
        synchronized (queue) {
            Deque<ProducerBatch> before = new ArrayDeque<>();
            while (!queue.isEmpty() && queue.peekFirst().drainOrder() >= 0 && queue.peekFirst().drainOrder() < batch.drainOrder()) {
                before.addLast(queue.pollFirst());
            }
            queue.addFirst(batch);
            while (!before.isEmpty()) {
                queue.addFirst(before.pollLast());
            }
        }
    }

    /**
     * Removes and returns the queued batches whose delivery deadline passed at {@code nowNanos}. Looks only at the
     * head of each queue: a queue holds its batches oldest first (a retried batch is older than those behind it).
     */
    List<ProducerBatch> removeExpired(long nowNanos) {
        List<ProducerBatch> removed = new ArrayList<>();
        for (Deque<ProducerBatch> queue : queues.values()) {
            synchronized (queue) {
                while (!queue.isEmpty() && nowNanos - queue.peekFirst().deliveryDeadlineNanos >= 0) {
                    removed.add(queue.pollFirst());
                }
            }
        }
        return removed;
    }

    /** Removes and returns every queued batch, as the producer closes or its transaction aborts. */
    List<ProducerBatch> removeAllQueued() {
        List<ProducerBatch> removed = new ArrayList<>();
        for (Deque<ProducerBatch> queue : queues.values()) {
            synchronized (queue) {
                removed.addAll(queue);
                queue.clear();
            }
        }
        return removed;
    }

    /** Gives a completed batch's memory back and forgets it. */
    void release(ProducerBatch batch) {
        incomplete.remove(batch);
        pool.deallocate(batch.buffer(), batch.allocatedSize());
    }

    /** Whether any batch waits to be drained. */
    boolean hasQueued() {
        for (Deque<ProducerBatch> queue : queues.values()) {
            synchronized (queue) {
                if (!queue.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** From now on every batch is ready, until {@link #endFlush()}; returns the batches to wait for. */
    List<CompletableFuture<Void>> beginFlush() {
        flushes.incrementAndGet();
        return pendingBatches();
    }

    /** One future per batch not yet completed, done once all its records' futures are. */
    List<CompletableFuture<Void>> pendingBatches() {
        return incomplete.stream().map(ProducerBatch::done).toList();
    }

    void endFlush() {
        flushes.decrementAndGet();
    }

    /** Makes every batch ready at once, as the producer closes. */
    void beginClose() {
        closing = true;
    }

    long availableMemory() {
        return pool.availableMemory();
    }
}
