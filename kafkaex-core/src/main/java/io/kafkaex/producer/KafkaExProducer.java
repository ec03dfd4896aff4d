package io.kafkaex.producer;

import io.kafkaex.CompletionCauses;
import io.kafkaex.KafkaExException;
import io.kafkaex.client.ClientRuntime;
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

/**
 * A batching producer: {@link #send} puts a record into its partition's batch and returns at once with a
 * future; batches go out when full or after {@code linger}, one Produce request per broker, at most
 * {@code max-in-flight} per broker at a time. {@code send} waits only for metadata of a topic it has not seen
 * and for buffer space, and never longer than {@code max-block}; every other failure completes the future.
 * Futures complete on the client's callback executor, never on the network thread.
 *
 * <p>Without idempotence (a later step), each partition has one batch in flight at a time, so retries keep its
 * order, and a request lost after it was sent fails rather than risking a duplicate.
 *
 * <p>Thread-safe: share one producer between threads.
 */
public final class KafkaExProducer implements AutoCloseable {

    private static final long METADATA_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ProducerOptions options;
    private final ClientRuntime runtime;
    private final RecordAccumulator accumulator;
    private final Sender sender;
    private final Thread senderThread;
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
                RecordAccumulator.bufferSize(options.batchSize(), options.compression(), options.bufferMemory()));
        this.accumulator = new RecordAccumulator(pool, options.batchSize(),
                options.linger().toNanos(), options.deliveryTimeout().toNanos(), options.codec());
        this.sender = new Sender(accumulator, runtime, options);
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
        try {
            Header[] headers = headers(record);
            int recordSize = RecordBatchBuilder.maxRecordSize(length(record.key()), length(record.value()), headers);
            TopicInfo topic = topicMetadata(record.topic(), record.partition(), deadline);
            int partition = choosePartition(record, topic);
            checkSize(record, partition, RecordBatchBuilder.HEADER_SIZE + recordSize);
            long timestamp = record.timestamp() == ProducerRecord.NOW ? System.currentTimeMillis() : record.timestamp();
            RecordAccumulator.Appended appended = accumulator.append(new TopicPartition(record.topic(), partition), timestamp,
                    record.key(), record.value(), headers, recordSize, Math.max(0, deadline - System.nanoTime()));
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
        }
    }

    /** Sends everything buffered now, ignoring linger, and waits until each of those records completed. */
    public void flush() {
        List<CompletableFuture<Void>> pending = accumulator.beginFlush();
        try {
            sender.wakeup();
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } finally {
            accumulator.endFlush();
        }
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
