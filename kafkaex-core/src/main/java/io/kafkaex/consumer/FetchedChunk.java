package io.kafkaex.consumer;

import io.kafkaex.client.ReadableRecords;
import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Record;

import java.util.Collections;
import java.util.List;

/**
 * What one Fetch response brought for one partition: the batches an application may see, from the position the
 * fetch asked for, and the position to fetch next. The event loop only reads batch headers; the records are decoded
 * and decompressed by the first call of {@link #records()}, on the partition's worker, so partitions decode in
 * parallel. Identity matters (the fetcher tracks unreleased chunks by identity).
 *
 * <p>Threads: created on the event loop; {@link #records()} by one thread at a time (the partition's worker), after
 * a hand-over that publishes the chunk (a queue or lock); the other accessors from any thread.
 */
final class FetchedChunk {

    private final TopicPartition partition;
    private final long epoch;
    private final long fetchedFrom;
    private final ReadableRecords.Batches batches;
    private final long nextOffset;
    private final int sizeInBytes;
    private List<Record> records;

    /**
     * @param partition the partition
     * @param epoch the partition's position epoch when the fetch was sent; a seek or a new assignment makes older
     *     chunks stale, and the consumer drops them
     * @param fetchedFrom the offset the fetch asked for
     * @param batches the visible batches, decoded on demand
     * @param nextOffset the offset after the last batch read, greater than {@code fetchedFrom}
     * @param sizeInBytes the memory the chunk holds against the fetcher's buffer bound
     */
    FetchedChunk(TopicPartition partition, long epoch, long fetchedFrom, ReadableRecords.Batches batches, long nextOffset,
            int sizeInBytes) {
        if (nextOffset <= fetchedFrom) {
            throw new IllegalArgumentException("A chunk must move the position: next offset " + nextOffset
                    + " is not after " + fetchedFrom + " (" + partition + ")");
        }
        this.partition = partition;
        this.epoch = epoch;
        this.fetchedFrom = fetchedFrom;
        this.batches = batches;
        this.nextOffset = nextOffset;
        this.sizeInBytes = sizeInBytes;
    }

    /** A chunk whose records are decoded already. */
    FetchedChunk(TopicPartition partition, long epoch, long fetchedFrom, List<Record> records, long nextOffset,
            int sizeInBytes) {
        this(partition, epoch, fetchedFrom, (ReadableRecords.Batches) null, nextOffset, sizeInBytes);
        this.records = List.copyOf(records);
    }

    TopicPartition partition() {
        return partition;
    }

    long epoch() {
        return epoch;
    }

    long fetchedFrom() {
        return fetchedFrom;
    }

    /**
     * The visible records, in offset order, all at or after {@link #fetchedFrom()}; empty when the fetch only moved
     * past control records or aborted transactions. Decoded on the first call.
     *
     * @throws io.kafkaex.protocol.ProtocolException when the records cannot be decoded (corrupt bytes, a codec whose
     *     library is missing)
     */
    List<Record> records() {
        if (records == null) {
            records = Collections.unmodifiableList(batches.records());
        }
        return records;
    }

    long nextOffset() {
        return nextOffset;
    }

    int sizeInBytes() {
        return sizeInBytes;
    }

    @Override
    public String toString() {
        return "FetchedChunk[" + partition + " " + fetchedFrom + ".." + nextOffset + ", epoch " + epoch + "]";
    }
}
