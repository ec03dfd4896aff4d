package io.kafkaex.producer;

import io.kafkaex.CompletionCauses;
import io.kafkaex.KafkaExException;
import io.kafkaex.client.ClientRuntime;
import io.kafkaex.client.CommitOptions;
import io.kafkaex.client.RecordMetadata;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.cluster.ClusterMetadata;
import io.kafkaex.cluster.PartitionInfo;
import io.kafkaex.cluster.TopicInfo;
import io.kafkaex.producer.partitioner.TopicPartitions;
import io.kafkaex.protocol.error.KafkaError;
import io.kafkaex.protocol.error.KafkaErrorExceptions;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.RecordBatchBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batching producer: {@link #send} puts a record into its partition's batch and returns at once with a
 * future; batches go out when full or after {@code linger}, one Produce request per broker, at most
 * {@code max-in-flight} per broker at a time. {@code send} waits only for metadata of a topic it has not seen
 * and for buffer space, and never longer than {@code max-block}; every other failure completes the future.
 * Futures complete on the client's callback executor, never on the network thread.
 *
 * <p>Idempotent by default (acks=all): up to five batches per partition in flight, retried without duplicates.
 * Without idempotence each partition has one batch in flight at a time, so retries keep its order, and a request
 * lost after it was sent fails rather than risking a duplicate.
 *
 * <p>With a {@code transactional-id} the producer writes in transactions: {@link #initTransactions()} once, then
 * {@link #beginTransaction()}, {@code send}s (and {@link #sendOffsetsToTransaction} for consumed offsets), and
 * {@link #commitTransaction()} or {@link #abortTransaction()}; {@code read_committed} consumers see the records of
 * committed transactions only. These calls block for at most {@code max-block}.
 *
 * <p>Thread-safe: share one producer between threads.
 */
public final class KafkaExProducer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaExProducer.class);
    private static final long METADATA_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ProducerOptions options;
    private final ClientRuntime runtime;
    private final RecordAccumulator accumulator;
    private final Sender sender;
    private final Thread senderThread;
    /** {@code null} for a producer without a transactional id. */
    private final TransactionManager transactions;
    private volatile boolean closed;
    /** Each topic's partitions for the partitioner, made once per metadata snapshot rather than per record. */
    private final Map<String, PartitionsOf> partitionsByTopic = new ConcurrentHashMap<>();

    /** The partitioner's view of a topic, and the metadata it was made from. */
    private record PartitionsOf(TopicInfo topic, TopicPartitions partitions) {
    }

    private KafkaExProducer(ProducerOptions options) {
        this.options = options;
        this.runtime = ClientRuntime.start(options.client());
        BufferPool pool = new BufferPool(options.bufferMemory(),
                options.batchSize());
        this.accumulator = new RecordAccumulator(pool, options.batchSize(),
                options.linger().toNanos(), options.deliveryTimeout().toNanos(), options.codec(), options.transactional());
        ProducerIdentity identity = options.idempotence() ? new ProducerIdentity(runtime, options.requestTimeout()) : null;
        this.transactions = options.transactional() ? new TransactionManager(runtime, options, identity) : null;
        this.sender = new Sender(accumulator, runtime, options, identity, transactions);
        this.senderThread = new Thread(sender, "kafkaex-producer-" + options.client().clientId());
        senderThread.setDaemon(true);
        senderThread.start();
    }

    /** A started producer; it connects on the first send. */
    public static KafkaExProducer create(ProducerOptions options) {
        return new KafkaExProducer(options);
    }

    public ProducerOptions options() {
        return options;
    }

    /**
     * Sends {@code record} to its partition, or to the one the partitioner picks. Returns once the record is in
     * a batch; the future completes when the broker acknowledged it (offset -1 with acks=none) or it failed.
     * Waits at most {@code max-block} for the topic's metadata and for buffer space; a record larger than
     * {@code max-request-size} or {@code buffer-memory} fails at once, naming both sizes.
     */
    public CompletableFuture<RecordMetadata> send(ProducerRecord record) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("The producer is closed"));
        }
        long deadline = System.nanoTime() + options.maxBlock().toNanos();
        boolean inTransaction = false;
        TopicPartition appendedTo = null;
        try {
            if (transactions != null) {
                transactions.beginAppend();
                inTransaction = true;
            }
            Header[] headers = headers(record);
            int recordSize = RecordBatchBuilder.maxRecordSize(length(record.key()), length(record.value()), headers);
            TopicInfo topic = topicMetadata(record.topic(), record.partition(), deadline);
            int partition = choosePartition(record, topic);
            checkSize(record, partition, RecordBatchBuilder.HEADER_SIZE + recordSize);
            long timestamp = record.timestamp() == ProducerRecord.NOW ? System.currentTimeMillis() : record.timestamp();
            TopicPartition topicPartition = new TopicPartition(record.topic(), partition);
            RecordAccumulator.Appended appended = accumulator.append(topicPartition, timestamp,
                    record.key(), record.value(), headers, recordSize, Math.max(0, deadline - System.nanoTime()));
            appendedTo = topicPartition;
            options.partitioner().onAppend(record.topic(), partition, RecordBatchBuilder.HEADER_SIZE + recordSize);
            if (appended.wakeSender()) {
                sender.wakeup();
            }
            return appended.future();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new KafkaExException("Interrupted while sending to " + record.topic(), e));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            if (inTransaction && transactions.appended(appendedTo)) {
                sender.wakeup(); // a partition new to the transaction: the sender adds it before sending its batch
            }
        }
    }

    /** Sends everything buffered now, ignoring linger, and waits until each of those records completed. */
    public void flush() {
        flush(pending -> CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join());
    }

    /** Makes every buffered batch ready, wakes the sender and has {@code awaitPending} wait for those batches. */
    private void flush(Consumer<List<CompletableFuture<Void>>> awaitPending) {
        List<CompletableFuture<Void>> pending = accumulator.beginFlush();
        try {
            sender.wakeup();
            awaitPending.accept(pending);
        } finally {
            accumulator.endFlush();
        }
    }

    /**
     * Gets the producer id and epoch for the transactional id from its coordinator, which fences every older producer
     * with the same id and aborts a transaction it left open. Call once, before the first transaction.
     *
     * @throws IllegalStateException without a transactional id, or when called again after it succeeded
     * @throws ProducerTimeoutException when it did not finish within {@code max-block}; it may be called again
     * @throws io.kafkaex.protocol.error.KafkaErrorException a typed error, e.g. not authorized for the transactional id
     */
    public void initTransactions() {
        transactions("initTransactions()").initialize(deadline());
    }

    /**
     * Opens a transaction: records sent until {@link #commitTransaction()} or {@link #abortTransaction()} belong to it.
     *
     * @throws IllegalStateException before {@link #initTransactions()}, or while a transaction is open
     */
    public void beginTransaction() {
        transactions("beginTransaction()").begin();
    }

    /**
     * Commits {@code offsets} (per partition, the next offset to consume) for consumer group {@code groupId} as part of
     * the open transaction, as a standalone commit. Consume-transform-produce applications inside a group use
     * {@link #sendOffsetsToTransaction(Map, String, CommitOptions)} with the member's generation.
     */
    public void sendOffsetsToTransaction(Map<TopicPartition, Long> offsets, String groupId) {
        sendOffsetsToTransaction(offsets, groupId, CommitOptions.standalone());
    }

    /**
     * Commits {@code offsets} for consumer group {@code groupId} as part of the open transaction: they become visible
     * when it commits and are dropped when it aborts. With the member's generation and id the group coordinator
     * refuses the commit of a member the group has moved on from (KIP-447), which makes the transaction abortable.
     *
     * @throws TransactionAbortedException when the transaction already failed and can only be aborted
     * @throws ProducerTimeoutException when it did not finish within {@code max-block}
     */
    public void sendOffsetsToTransaction(Map<TopicPartition, Long> offsets, String groupId, CommitOptions member) {
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("sendOffsetsToTransaction() needs at least one partition's offset");
        }
        transactions("sendOffsetsToTransaction()").sendOffsets(Map.copyOf(offsets), groupId, member, deadline());
    }

    /**
     * Sends every record of the open transaction, waits for them, and commits the transaction, all within
     * {@code max-block}; {@code read_committed} consumers then see its records.
     *
     * @throws TransactionAbortedException when a record or offset of the transaction failed: call {@link #abortTransaction()}
     * @throws ProducerTimeoutException when it did not finish in time; call it again
     * @throws io.kafkaex.protocol.error.KafkaProducerFencedException when a newer producer with the same transactional id
     *         fenced this one: close it
     */
    public void commitTransaction() {
        transactions("commitTransaction()").commit(deadline(), this::flushUntil);
    }

    /**
     * Aborts the open transaction: records not sent yet fail with {@link TransactionAbortedException}, records in
     * flight are waited for, then the coordinator marks everything the transaction wrote as aborted. Within
     * {@code max-block}; after a timeout it may be called again.
     */
    public void abortTransaction() {
        transactions("abortTransaction()").abort(deadline(), this::awaitBatchesUntil);
    }

    /** {@link #close(Duration)} with a generous minute. */
    @Override
    public void close() {
        close(Duration.ofMinutes(1));
    }

    /**
     * Stops taking records, sends what is buffered and waits up to {@code timeout} for the answers; what is
     * still unsent then fails, and the connections close. Every record's future has completed when it returns
     * (unless the callback executor given in the options is slower than that).
     */
    public void close(Duration timeout) {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        abortOpenTransaction(deadline);
        List<CompletableFuture<Void>> pending = accumulator.pendingBatches();
        accumulator.beginClose();
        sender.initiateClose(false);
        try {
            senderThread.join(Math.max(1, timeout.toMillis()));
            if (senderThread.isAlive()) {
                sender.initiateClose(true);
                senderThread.join(TimeUnit.SECONDS.toMillis(5));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(Math.max(TimeUnit.SECONDS.toNanos(1), deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a callback executor of the application's that is slow or stopped: its results arrive when it runs them
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sender.initiateClose(true);
        } finally {
            runtime.close();
        }
    }

    /** A transaction left open is aborted as the producer closes, so its partitions' consumers need not wait for its timeout. */
    private void abortOpenTransaction(long deadlineNanos) {
        if (transactions != null && transactions.needsAbortOnClose()) {
            try {
                transactions.abort(deadlineNanos, this::awaitBatchesUntil);
            } catch (RuntimeException e) {
                log.warn("Could not abort the open transaction of '{}' while closing the producer: {}", options.transactionalId(),
                        e.getMessage());
            }
        }
    }

    private TransactionManager transactions(String operation) {
        if (transactions == null) {
            throw new IllegalStateException(operation + " needs a transactional producer: set transactionalId in its options");
        }
        return transactions;
    }

    private long deadline() {
        return System.nanoTime() + options.maxBlock().toNanos();
    }

    /** {@link #flush()} that gives up at the deadline: the commit's wait for its records. */
    private void flushUntil(long deadlineNanos) {
        flush(pending -> awaitAll(pending, deadlineNanos, "commitTransaction"));
    }

    /** The abort's wait for the records in flight; the sender fails the queued ones. */
    private void awaitBatchesUntil(long deadlineNanos) {
        sender.wakeup();
        awaitAll(accumulator.pendingBatches(), deadlineNanos, "abortTransaction");
    }

    private void awaitAll(List<CompletableFuture<Void>> batches, long deadlineNanos, String operation) {
        try {
            CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ProducerTimeoutException(operation + "() waited max-block (" + options.maxBlock().toMillis()
                    + " ms) for the transaction's records to be answered; call it again");
        } catch (ExecutionException e) {
            throw new IllegalStateException("A batch's completion failed", e); // batches' done futures always complete normally
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaExException("Interrupted during " + operation + "()", e);
        }
    }

    /** The buffer memory free now, in bytes. */
    public long availableBufferMemory() {
        return accumulator.availableMemory();
    }

    private TopicInfo topicMetadata(String topic, Integer partition, long deadline) throws InterruptedException {
        KafkaError lastError = KafkaError.NONE;
        while (true) {
            Optional<TopicInfo> known = knownTopic(runtime.metadata().current(), topic, partition);
            if (known.isPresent()) {
                return known.get();
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new ProducerTimeoutException("Topic " + topic + (partition == null ? "" : " partition " + partition)
                        + " is not in the cluster metadata within max-block (" + options.maxBlock().toMillis() + " ms)"
                        + (lastError == KafkaError.NONE ? "" : "; the broker says " + lastError + ": " + lastError.message())
                        + ": create the topic, check its name, or raise max-block");
            }
            try {
                ClusterMetadata fetched = runtime.metadata().fetchTopics(List.of(topic)).get(remaining, TimeUnit.NANOSECONDS);
                lastError = fetched.topicError(topic).orElse(KafkaError.NONE);
                if (knownTopic(fetched, topic, partition).isEmpty()) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(METADATA_RETRY_NANOS, Math.max(0, deadline - System.nanoTime())));
                }
            } catch (TimeoutException e) {
                // the loop reports it
            } catch (ExecutionException e) {
                Throwable cause = CompletionCauses.unwrap(e);
                if (deadline - System.nanoTime() <= 0) {
                    throw new ProducerTimeoutException("No metadata for topic " + topic + " within max-block ("
                            + options.maxBlock().toMillis() + " ms): " + cause.getMessage(), cause);
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(METADATA_RETRY_NANOS, Math.max(0, deadline - System.nanoTime())));
            }
        }
    }

    /** The topic when metadata knows it with partitions (and {@code partition} among them when given). */
    private static Optional<TopicInfo> knownTopic(ClusterMetadata cluster, String topic, Integer partition) {
        if (cluster == null) {
            return Optional.empty();
        }
        return cluster.topic(topic).filter(info -> info.error() == KafkaError.NONE && !info.partitions().isEmpty()
                && (partition == null || partition < info.partitions().size()));
    }

    private int choosePartition(ProducerRecord record, TopicInfo topic) {
        int count = topic.partitions().size();
        if (record.partition() != null) {
            return record.partition();
        }
        PartitionsOf cached = partitionsByTopic.get(record.topic());
        if (cached == null || cached.topic() != topic) {
            int[] available = topic.partitions().stream().filter(PartitionInfo::hasLeader).mapToInt(PartitionInfo::partition)
                    .toArray();
            cached = new PartitionsOf(topic, new TopicPartitions(count, available));
            partitionsByTopic.put(record.topic(), cached);
        }
        int chosen = options.partitioner().partition(record.topic(), record.key(), record.value(), cached.partitions());
        if (chosen < 0 || chosen >= count) {
            throw new IllegalStateException("The partitioner " + options.partitioner().getClass().getName() + " chose partition "
                    + chosen + " of topic " + record.topic() + ", which has " + count);
        }
        return chosen;
    }

    private void checkSize(ProducerRecord record, int partition, int recordSize) {
        if (recordSize > options.maxRequestSize()) {
            throw KafkaErrorExceptions.of(KafkaError.MESSAGE_TOO_LARGE, record.topic(), partition, "the record takes up to "
                    + recordSize + " bytes, more than max-request-size (" + options.maxRequestSize() + " bytes)");
        }
        if (recordSize > options.bufferMemory()) {
            throw KafkaErrorExceptions.of(KafkaError.MESSAGE_TOO_LARGE, record.topic(), partition, "the record takes up to "
                    + recordSize + " bytes, more than buffer-memory (" + options.bufferMemory() + " bytes)");
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? -1 : bytes.length;
    }

    private static Header[] headers(ProducerRecord record) {
        return record.headers().isEmpty() ? null : record.headers().toArray(Header[]::new);
    }
}
