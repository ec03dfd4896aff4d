package io.kafkaex.docs.samples.core;

import io.kafkaex.protocol.record.Record;

/** The state {@link OrdersConsumer} keeps per partition: records and bytes seen. Used by one worker thread. */
final class OrderTotals {

    private long records;
    private long bytes;

    void add(Record record) {
        records++;
        bytes += record.value() == null ? 0 : record.value().remaining();
    }
}
