package io.kafkaex.spring.listener;

import io.micrometer.observation.transport.ReceiverContext;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Micrometer observation context of one listener invocation: one record for a record listener, the whole batch
 * for a batch listener. Its carrier is the (first) record: what a handler reads through {@link #getGetter()} (a tracing
 * handler's {@code traceparent}) is that record's last header of the name, as UTF-8, so the listener's observation
 * continues the trace of the template send that produced the record. For a batch, the first record's trace context is
 * the batch's. Created and used on the partition's worker thread.
 */
public class KafkaExListenerReceiverContext extends ReceiverContext<ConsumedRecord<?, ?>> {

    private final String listenerId;
    private final String groupId;
    private final List<? extends ConsumedRecord<?, ?>> records;

    /**
     * @param listenerId the listener's id
     * @param groupId its consumer group
     * @param records the records of this invocation (one, or the batch), not empty, all of one partition
     */
    public KafkaExListenerReceiverContext(String listenerId, String groupId, List<? extends ConsumedRecord<?, ?>> records) {
        super((record, name) -> {
            byte[] value = record.lastHeader(name);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        });
        this.listenerId = listenerId;
        this.groupId = groupId;
        this.records = List.copyOf(records);
        setCarrier(this.records.get(0));
        setRemoteServiceName("Apache Kafka");
    }

    /** The id of the listener invoked. */
    public String getListenerId() {
        return listenerId;
    }

    /** The listener's consumer group. */
    public String getGroupId() {
        return groupId;
    }

    /** The topic the records came from. */
    public String getTopic() {
        return records.get(0).topic();
    }

    /** The partition the records came from. */
    public int getPartition() {
        return records.get(0).partition();
    }

    /** The offset of the (first) record. */
    public long getOffset() {
        return records.get(0).offset();
    }

    /** The records the listener gets: one, or the batch. */
    public List<? extends ConsumedRecord<?, ?>> getRecords() {
        return records;
    }
}
