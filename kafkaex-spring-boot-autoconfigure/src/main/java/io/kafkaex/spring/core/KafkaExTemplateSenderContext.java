package io.kafkaex.spring.core;

import io.kafkaex.spring.serialization.RecordHeaders;
import io.micrometer.observation.transport.SenderContext;

import java.nio.charset.StandardCharsets;

/**
 * The Micrometer observation context of one {@link KafkaExTemplate} send. Its carrier is the record's headers: what a
 * handler sets through {@link #getSetter()} (a tracing handler's {@code traceparent}) is sent as a UTF-8 record
 * header. Created and used on the sending thread; the observation stops on the producer's callback thread.
 */
public class KafkaExTemplateSenderContext extends SenderContext<RecordHeaders> {

    private final OutgoingRecord<?, ?> record;

    public KafkaExTemplateSenderContext(OutgoingRecord<?, ?> record, RecordHeaders headers) {
        super((carrier, key, value) -> carrier.set(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        this.record = record;
        setCarrier(headers);
        setRemoteServiceName("Apache Kafka");
    }

    /** The topic the record goes to. */
    public String getTopic() {
        return record.topic();
    }

    /** The record as given to the template, before serialization. */
    public OutgoingRecord<?, ?> getRecord() {
        return record;
    }
}
