package io.kafkaex.spring.core;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a {@link KafkaExTemplate} send. Define a bean of this type to replace
 * {@link DefaultKafkaExTemplateObservationConvention}. Called on the sending thread; implementations must be
 * thread-safe.
 */
public interface KafkaExTemplateObservationConvention extends ObservationConvention<KafkaExTemplateSenderContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof KafkaExTemplateSenderContext;
    }
}
