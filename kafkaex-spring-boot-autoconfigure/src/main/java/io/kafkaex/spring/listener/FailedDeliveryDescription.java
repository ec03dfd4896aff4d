package io.kafkaex.spring.listener;

import io.kafkaex.protocol.record.Record;

import java.util.List;

/** One-line descriptions of a {@link FailedDelivery} for log and exception messages. Stateless. */
final class FailedDeliveryDescription {

    private FailedDeliveryDescription() {
    }

    /** E.g. {@code listener 'orders' (group 'billing') on orders-3 offsets 40..42}. */
    static String of(FailedDelivery delivery) {
        return "listener '" + delivery.listenerId() + "' (group '" + delivery.groupId() + "') on "
                + delivery.partition() + " " + offsets(delivery.records());
    }

    /** {@code offset 7}, {@code offsets 7..9}, or {@code no records}. */
    static String offsets(List<Record> records) {
        if (records.isEmpty()) {
            return "no records";
        }
        long first = records.get(0).offset();
        long last = records.get(records.size() - 1).offset();
        return first == last ? "offset " + first : "offsets " + first + ".." + last;
    }
}
