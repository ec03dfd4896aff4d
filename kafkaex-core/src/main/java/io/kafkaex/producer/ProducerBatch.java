package io.kafkaex.producer;

import io.kafkaex.client.RecordMetadata;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.RecordBatchBuilder;
import io.kafkaex.protocol.record.compression.CompressionCodec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The records of one partition collected into one RecordBatch, written into a buffer of the producer's pool as
 * they come, and one future per record. Closed (its bytes built, compressed if asked) as soon as it is full, by
 * the thread whose append filled it, or else when it is drained to be sent; the idempotent producer's id and
 * sequence are written into the built bytes when it is drained; a retry sends the same bytes again. Its futures complete on the callback executor, all from one task.
 *
 * <p>Appends and {@link #close()} happen under the lock of the partition's queue in {@link RecordAccumulator};
 * completion happens once, from the thread that handles the Produce response.
 */
final class ProducerBatch {

    /** The smallest record there is: a batch with less room than this left is full. */
    private static final int SMALLEST_RECORD = RecordBatchBuilder.maxRecordSize(-1, 0, null);

    final TopicPartition partition;
    final long createdNanos;
    final long deliveryDeadlineNanos;
    private final ByteBuffer buffer;
    private final int allocatedSize;
    private final int sizeLimit;
    private final RecordBatchBuilder builder;
    private final Consumer<ByteBuffer> giveBack;
    private final List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private ByteBuffer built;
    private int uncompressedBytes;
    private int attempts;
    private long retryAtNanos;
    private ProducerIdentity.IdAndEpoch identity = ProducerIdentity.IdAndEpoch.NONE;
    private volatile ProducerTelemetry.Span attemptSpan;
    private int baseSequence = -1;
    private long drainOrder = -1;
    private boolean identityLost;

    /**
     * @param buffer pooled memory of {@code allocatedSize} bytes
     * @param sizeLimit the most bytes (before compression) the batch takes; a first record larger than it is taken alone
     */
    ProducerBatch(TopicPartition partition, ByteBuffer buffer, int allocatedSize, int sizeLimit, CompressionCodec codec,
            long nowNanos, long deliveryTimeoutNanos) {
        this(partition, buffer, ByteBuffer::allocate, grown -> { }, allocatedSize, sizeLimit, codec, false, nowNanos,
                deliveryTimeoutNanos);
    }

    /**
     * As above; {@code grow} hands out the buffer the batch grows into beyond {@code buffer}, and {@code giveBack} takes
     * it back once the batch is built (its bytes then move into {@code buffer}); {@code transactional} marks the batch
     * as part of a transaction (its attribute bit set).
     */
    ProducerBatch(TopicPartition partition, ByteBuffer buffer, IntFunction<ByteBuffer> grow, Consumer<ByteBuffer> giveBack,
            int allocatedSize, int sizeLimit, CompressionCodec codec, boolean transactional, long nowNanos,
            long deliveryTimeoutNanos) {
        this.giveBack = giveBack;
        this.partition = partition;
        this.buffer = buffer;
        this.allocatedSize = allocatedSize;
        this.sizeLimit = sizeLimit;
        this.builder = new RecordBatchBuilder(buffer, grow).compression(codec).transactional(transactional);
        this.createdNanos = nowNanos;
        this.deliveryDeadlineNanos = nowNanos + deliveryTimeoutNanos;
    }

    /**
     * Appends a record of at most {@code recordSize} bytes ({@link RecordBatchBuilder#maxRecordSize}) if it fits (an
     * empty batch takes any record, its buffer having been sized for it); returns its future, or {@code null} when
     * it does not fit or the batch is closed.
     */
    CompletableFuture<RecordMetadata> tryAppend(long timestamp, byte[] key, byte[] value, Header[] headers, int recordSize) {
        if (built != null) {
            return null;
        }
        if (!futures.isEmpty() && builder.sizeInBytes() + recordSize > sizeLimit) {
            return null;
        }
        builder.append(timestamp, key, value, headers);
        CompletableFuture<RecordMetadata> future = new CompletableFuture<>();
        futures.add(future);
        return future;
    }

    /** Whether no further record should go in: closed, or within a small record of its limit. */
    boolean isFull() {
        return built != null || builder.sizeInBytes() + SMALLEST_RECORD >= sizeLimit;
    }

    boolean isClosed() {
        return built != null;
    }

    /**
     * Sets the idempotent producer's id, epoch and this batch's first sequence number: in the header to be built,
     * or rewritten in the built bytes when the batch goes out again under a new identity.
     */
    void stampProducer(long producerId, short producerEpoch, int baseSequence) {
        identity = new ProducerIdentity.IdAndEpoch(producerId, producerEpoch);
        this.baseSequence = baseSequence;
        identityLost = false;
        if (built == null) {
            builder.producer(producerId, producerEpoch, baseSequence);
        } else {
            RecordBatchBuilder.restampProducer(built, producerId, producerEpoch, baseSequence);
        }
    }

    /** Remembers the telemetry span of the attempt now being sent, {@code null} when telemetry is off. */
    void attemptStarted(ProducerTelemetry.Span span) {
        attemptSpan = span;
    }

    /** The span of the attempt being answered, taken so it is ended once; {@code null} when there is none. */
    ProducerTelemetry.Span takeAttemptSpan() {
        ProducerTelemetry.Span span = attemptSpan;
        attemptSpan = null;
        return span;
    }

    /** The sequence number of its first record, -1 when it was not stamped. */
    int baseSequence() {
        return baseSequence;
    }

    /** Numbers the batch in the order batches were first drained, once; a retry keeps its number. */
    void markDrained(long order) {
        if (drainOrder < 0) {
            drainOrder = order;
        }
    }

    /** The order in which it was first drained; -1 before. */
    long drainOrder() {
        return drainOrder;
    }

    /** The identity this batch was stamped with; {@code NONE} when it was not. */
    ProducerIdentity.IdAndEpoch identity() {
        return identity;
    }

    /** The broker lost the identity this batch carries: it must be stamped again before it is sent again. */
    void loseIdentity() {
        identityLost = true;
    }

    /** Whether an idempotent producer must stamp it before sending: never stamped yet, or its identity was lost. */
    boolean needsStamp() {
        return baseSequence < 0 || identityLost;
    }

    /**
     * Builds the batch's bytes, once; later calls return them again (for a retry) from position 0. A batch that grew
     * beyond its pooled buffer moves its built (compressed) bytes back into it, or into an array of their size when
     * they do not fit, and gives the grown buffer back at once: a queued batch holds no more than its bytes.
     */
    ByteBuffer close() {
        if (built == null) {
            uncompressedBytes = builder.sizeInBytes();
            ByteBuffer bytes = builder.build();
            ByteBuffer grown = builder.currentBuffer();
            if (grown != buffer) {
                ByteBuffer home = bytes.remaining() <= buffer.capacity() ? buffer.duplicate().clear()
                        : ByteBuffer.allocate(bytes.remaining());
                bytes = home.put(bytes).flip().slice();
                giveBack.accept(grown);
            }
            built = bytes;
        }
        return built.duplicate();
    }

    int recordCount() {
        return futures.size();
    }

    /** Bytes of the built batch (after compression), or written so far before it is built. */
    int sizeInBytes() {
        return built != null ? built.remaining() : builder.sizeInBytes();
    }

    /** Bytes of records before compression, header included. */
    int uncompressedSize() {
        return built != null ? uncompressedBytes : builder.sizeInBytes();
    }

    int attempts() {
        return attempts;
    }

    long retryAtNanos() {
        return retryAtNanos;
    }

    /** Records one more failed attempt and when the next may start. */
    void retryAt(long nanos) {
        attempts++;
        retryAtNanos = nanos;
    }

    /** The pooled buffer, to give back once the batch is done, and its size as allocated. */
    ByteBuffer buffer() {
        return buffer;
    }

    int allocatedSize() {
        return allocatedSize;
    }



    /** Completes when every record's future has been completed, successfully or not. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Completes every record: offset {@code baseOffset} for the first, then one more each. */
    void succeed(long baseOffset, long logAppendTime, long logStartOffset, Executor callbacks) {
        callbacks.execute(() -> {
            for (int i = 0; i < futures.size(); i++) {
                long offset = baseOffset < 0 ? -1 : baseOffset + i;
                futures.get(i).complete(new RecordMetadata(partition.topic(), partition.partition(), offset, logAppendTime,
                        logStartOffset));
            }
            done.complete(null);
        });
    }

    /** Fails every record with {@code cause}. */
    void fail(Throwable cause, Executor callbacks) {
        callbacks.execute(() -> {
            for (CompletableFuture<RecordMetadata> future : futures) {
                future.completeExceptionally(cause);
            }
            done.complete(null);
        });
    }

    @Override
    public String toString() {
        return "ProducerBatch[" + partition + ", " + futures.size() + " records, attempt " + (attempts + 1) + "]";
    }
}
