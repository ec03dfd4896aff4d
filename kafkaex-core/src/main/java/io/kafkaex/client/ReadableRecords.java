package io.kafkaex.client;

import io.kafkaex.protocol.record.Record;
import io.kafkaex.protocol.record.RecordBatch;

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
 * batches from F until P's ABORT marker. Pure; any thread.
 */
final class ReadableRecords {

    private ReadableRecords() {
    }

    /** An aborted transaction as the Fetch response lists it. */
    record AbortedTransaction(long producerId, long firstOffset) {
    }

    static List<Record> select(Iterator<RecordBatch> batches, long fromOffset, boolean readCommitted,
            List<AbortedTransaction> aborted) {
        PriorityQueue<AbortedTransaction> pending = new PriorityQueue<>(Comparator.comparingLong(AbortedTransaction::firstOffset));
        if (readCommitted) {
            pending.addAll(aborted);
        }
        Set<Long> abortedProducers = new HashSet<>();
        List<Record> visible = new ArrayList<>();
        while (batches.hasNext()) {
            RecordBatch batch = batches.next();
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
        return visible;
    }
}
