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
     * The readable part of one partition of a Fetch response (its error code is the caller's business).
     *
     * @param maxDecompressedBytes hard bound of the decompressed size of any one batch
     */
    public static Selection select(FetchResponse.PartitionData data, long fromOffset, boolean readCommitted,
            int maxDecompressedBytes) {
        ByteBuffer records = data.records() == null ? ByteBuffer.allocate(0) : data.records();
        List<AbortedTransaction> aborted = data.abortedTransactions() == null ? List.of()
                : data.abortedTransactions().stream()
                        .map(t -> new AbortedTransaction(t.producerId(), t.firstOffset())).toList();
        return select(new RecordBatchReader(records, maxDecompressedBytes), fromOffset, readCommitted, aborted);
    }

    static Selection select(Iterator<RecordBatch> batches, long fromOffset, boolean readCommitted,
            List<AbortedTransaction> aborted) {
        PriorityQueue<AbortedTransaction> pending = new PriorityQueue<>(Comparator.comparingLong(AbortedTransaction::firstOffset));
        if (readCommitted) {
            pending.addAll(aborted);
        }
        Set<Long> abortedProducers = new HashSet<>();
        List<Record> visible = new ArrayList<>();
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
            for (Record record : batch) {
                if (record.offset() >= fromOffset && !record.isControl()) {
                    visible.add(record);
                }
            }
        }
        return new Selection(visible, nextOffset);
    }
}
