package io.kafkaex.client;

import io.kafkaex.protocol.message.FetchResponse;
import io.kafkaex.protocol.record.Record;
import io.kafkaex.protocol.record.RecordBatch;
import io.kafkaex.protocol.record.RecordBatchReader;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Picks the records a consumer should see from a fetched partition: from the requested offset on (a batch
 * may start earlier), never control records, and, when reading committed, none of a transaction the broker
 * listed as aborted. An aborted transaction of producer P starting at offset F hides P's transactional
 * batches from F until P's ABORT marker. It also says where the next fetch starts: after the last batch read that
 * reaches the requested offset, so that batches nobody may see (control records, aborted transactions, records
 * compacted away) are moved past too. Used by kafka_ex's single fetch and the consumer's fetcher. Pure; any thread.
 */
public final class ReadableRecords {

    private ReadableRecords() {
    }

    /** An aborted transaction as the Fetch response lists it. */
    record AbortedTransaction(long producerId, long firstOffset) {
    }

    /**
     * What a reader gets of one partition's fetched data.
     *
     * @param records the visible records, in offset order, all at or after the requested offset
     * @param nextOffset the offset after the last batch that reaches the requested offset; the requested offset
     *     when no batch does (nothing new was fetched)
     */
    public record Selection(List<Record> records, long nextOffset) {

        public Selection {
            records = List.copyOf(records);
        }
    }

    /**
     * The batches of one partition of a Fetch response a reader may see, picked by their headers alone, and the offset
     * to fetch next; their records are decoded (and decompressed) only by {@link #records()}, so that work can run on
     * another thread than the one that read the response. Not thread-safe: one thread calls {@link #records()}.
     *
     * @param visible the data batches that are neither control batches nor, when reading committed, aborted
     * @param fromOffset the requested offset: records before it are left out
     * @param nextOffset the offset after the last batch that reaches the requested offset; the requested offset
     *     when no batch does (nothing new was fetched)
     */
    public record Batches(List<RecordBatch> visible, long fromOffset, long nextOffset) {

        public Batches {
            visible = List.copyOf(visible);
        }

        /**
         * Decodes the visible records at or after the requested offset, in offset order, into a new list.
         *
         * @throws io.kafkaex.protocol.ProtocolException for malformed or undecompressable record bytes
         */
        public List<Record> records() {
            List<Record> records = new ArrayList<>();
            for (RecordBatch batch : visible) {
                for (Record record : batch) {
                    if (record.offset() >= fromOffset && !record.isControl()) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    /**
     * The readable part of one partition of a Fetch response (its error code is the caller's business), decoded.
     *
     * @param maxDecompressedBytes hard bound of the decompressed size of any one batch
     */
    public static Selection select(FetchResponse.PartitionData data, long fromOffset, boolean readCommitted,
            int maxDecompressedBytes) {
        Batches batches = selectBatches(data, fromOffset, readCommitted, maxDecompressedBytes);
        return new Selection(batches.records(), batches.nextOffset());
    }

    /**
     * As {@link #select}, but only the batch headers are read now; {@link Batches#records()} decodes later.
     *
     * @throws io.kafkaex.protocol.ProtocolException for a batch whose header or checksum is broken
     */
    public static Batches selectBatches(FetchResponse.PartitionData data, long fromOffset, boolean readCommitted,
            int maxDecompressedBytes) {
        ByteBuffer records = data.records() == null ? ByteBuffer.allocate(0) : data.records();
        List<AbortedTransaction> aborted = data.abortedTransactions() == null ? List.of()
                : data.abortedTransactions().stream()
                        .map(t -> new AbortedTransaction(t.producerId(), t.firstOffset())).toList();
        return selectBatches(new RecordBatchReader(records, maxDecompressedBytes), fromOffset, readCommitted, aborted);
    }

    static Selection select(Iterator<RecordBatch> batches, long fromOffset, boolean readCommitted,
            List<AbortedTransaction> aborted) {
        Batches selected = selectBatches(batches, fromOffset, readCommitted, aborted);
        return new Selection(selected.records(), selected.nextOffset());
    }

    static Batches selectBatches(Iterator<RecordBatch> batches, long fromOffset, boolean readCommitted,
            List<AbortedTransaction> aborted) {
        PriorityQueue<AbortedTransaction> pending = new PriorityQueue<>(Comparator.comparingLong(AbortedTransaction::firstOffset));
        if (readCommitted) {
            pending.addAll(aborted);
        }
        Set<Long> abortedProducers = new HashSet<>();
        List<RecordBatch> visible = new ArrayList<>();
        long nextOffset = fromOffset;
        while (batches.hasNext()) {
            RecordBatch batch = batches.next();
            if (batch.lastOffset() >= fromOffset) {
                nextOffset = Math.max(nextOffset, batch.nextOffset());
            }
            while (!pending.isEmpty() && pending.peek().firstOffset() <= batch.lastOffset()) {
                abortedProducers.add(pending.poll().producerId());
            }
            if (batch.isControlBatch()) {
                if (readCommitted && batch.isTransactional()) {
                    abortedProducers.remove(batch.producerId()); // the marker closes the producer's transaction
                }
                continue;
            }
            if (readCommitted && batch.isTransactional() && abortedProducers.contains(batch.producerId())) {
                continue;
            }
            if (batch.lastOffset() >= fromOffset) {
                visible.add(batch);
            }
        }
        return new Batches(visible, fromOffset, nextOffset);
    }
}
