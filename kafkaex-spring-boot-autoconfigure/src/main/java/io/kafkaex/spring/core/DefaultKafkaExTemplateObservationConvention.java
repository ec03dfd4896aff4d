package io.kafkaex.spring.core;

import io.micrometer.common.KeyValues;

/**
 * The default observation of a send: named {@value #NAME}, contextual name {@code "<topic> send"}, low-cardinality
 * key values {@code messaging.system=kafka}, {@code messaging.operation=publish},
 * {@code messaging.destination.kind=topic} and {@code messaging.destination.name=<topic>} (the OpenTelemetry
 * messaging conventions spring-kafka follows). Stateless and thread-safe.
 */
public class DefaultKafkaExTemplateObservationConvention implements KafkaExTemplateObservationConvention {

    /** The observation's name. */
    public static final String NAME = "kafkaex.template";

    /** The shared instance. */
    public static final DefaultKafkaExTemplateObservationConvention INSTANCE = new DefaultKafkaExTemplateObservationConvention();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(KafkaExTemplateSenderContext context) {
        return context.getTopic() + " send";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(KafkaExTemplateSenderContext context) {
        return KeyValues.of("messaging.system", "kafka", "messaging.operation", "publish",
                "messaging.destination.kind", "topic", "messaging.destination.name", context.getTopic());
    }
}
