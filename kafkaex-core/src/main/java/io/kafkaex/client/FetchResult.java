package io.kafkaex.client;

import io.kafkaex.protocol.record.Record;

import java.util.List;

/**
 * What one fetch of a partition returned: the records from the requested offset on (control records and,
 * when reading committed, aborted transactions left out), the high watermark, the last stable offset and
 * the log start offset. Immutable.
 */
public record FetchResult(String topic, int partition, List<Record> records, long highWatermark, long lastStableOffset,
        long logStartOffset) {

    public FetchResult {
        records = List.copyOf(records);
    }

    /** The offset to fetch next: after the last record, or {@code fetchedFrom} when nothing came back. */
    public long nextOffset(long fetchedFrom) {
        return records.isEmpty() ? fetchedFrom : records.get(records.size() - 1).offset() + 1;
    }
}
