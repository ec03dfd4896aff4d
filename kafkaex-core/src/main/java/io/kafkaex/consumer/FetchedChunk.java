package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Record;

import java.util.List;

/**
 * What one Fetch response brought for one partition: the records an application may see, from the position the
 * fetch asked for, and the position to fetch next. Immutable; any thread.
 *
 * @param partition the partition
 * @param epoch the partition's position epoch when the fetch was sent; a seek or a new assignment makes older
 *     chunks stale, and the consumer drops them
 * @param fetchedFrom the offset the fetch asked for
 * @param records the visible records, in offset order, all at or after {@code fetchedFrom}; may be empty when the
 *     fetch only moved past control records or aborted transactions
 * @param nextOffset the offset after the last batch read, greater than {@code fetchedFrom}
 * @param sizeInBytes the memory the chunk holds against the fetcher's buffer bound
 */
record FetchedChunk(TopicPartition partition, long epoch, long fetchedFrom, List<Record> records, long nextOffset,
        int sizeInBytes) {

    FetchedChunk {
        records = List.copyOf(records);
        if (nextOffset <= fetchedFrom) {
            throw new IllegalArgumentException("A chunk must move the position: next offset " + nextOffset
                    + " is not after " + fetchedFrom + " (" + partition + ")");
        }
    }
}
