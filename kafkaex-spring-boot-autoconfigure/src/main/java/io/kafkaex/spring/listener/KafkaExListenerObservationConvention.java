package io.kafkaex.spring.listener;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a listener invocation. Define a bean of this type to replace
 * {@link DefaultKafkaExListenerObservationConvention}. Called on the partitions' worker threads; implementations must
 * be thread-safe.
 */
public interface KafkaExListenerObservationConvention extends ObservationConvention<KafkaExListenerReceiverContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof KafkaExListenerReceiverContext;
    }
}
