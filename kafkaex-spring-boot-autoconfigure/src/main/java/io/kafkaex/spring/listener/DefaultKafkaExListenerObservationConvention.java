package io.kafkaex.spring.listener;

import io.micrometer.common.KeyValues;

/**
 * The default observation of a listener invocation: named {@value #NAME}, contextual name {@code "<topic> process"},
 * low-cardinality key values {@code messaging.system=kafka}, {@code messaging.operation=process},
 * {@code messaging.destination.kind=topic}, {@code messaging.destination.name=<topic>},
 * {@code messaging.kafka.consumer.group=<group>} and {@code kafkaex.listener.id=<id>}; high-cardinality
 * {@code messaging.kafka.source.partition} and {@code messaging.kafka.message.offset} (of the first record). Stateless
 * and thread-safe.
 */
public class DefaultKafkaExListenerObservationConvention implements KafkaExListenerObservationConvention {

    /** The observation's name. */
    public static final String NAME = "kafkaex.listener";

    /** The shared instance. */
    public static final DefaultKafkaExListenerObservationConvention INSTANCE = new DefaultKafkaExListenerObservationConvention();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(KafkaExListenerReceiverContext context) {
        return context.getTopic() + " process";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(KafkaExListenerReceiverContext context) {
        return KeyValues.of("messaging.system", "kafka", "messaging.operation", "process",
                "messaging.destination.kind", "topic", "messaging.destination.name", context.getTopic(),
                "messaging.kafka.consumer.group", context.getGroupId(), "kafkaex.listener.id", context.getListenerId());
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(KafkaExListenerReceiverContext context) {
        return KeyValues.of("messaging.kafka.source.partition", Integer.toString(context.getPartition()),
                "messaging.kafka.message.offset", Long.toString(context.getOffset()));
    }
}
