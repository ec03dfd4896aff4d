package io.kafkaex.spring.metrics;

import static io.kafkaex.spring.metrics.KafkaExMeterNames.GROUP;
import static io.kafkaex.spring.metrics.KafkaExMeterNames.LISTENER_FAILURES;
import static io.kafkaex.spring.metrics.KafkaExMeterNames.TOPIC;

import io.kafkaex.spring.listener.ErrorDecision;
import io.kafkaex.spring.listener.FailedDelivery;
import io.kafkaex.spring.listener.ListenerFailureListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts failed listener invocations as {@value KafkaExMeterNames#LISTENER_FAILURES}, tagged with the listener, its
 * group, the topic, the exception's simple class name, the kind ({@code processing} or {@code deserialization}) and the
 * error handler's decision ({@code retry} or {@code recovered}). The process timer counts a recovered batch as handled;
 * this counter is where failures show. Thread-safe.
 */
public final class ListenerFailureMeters implements ListenerFailureListener {

    private final MeterRegistry registry;

    public ListenerFailureMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onFailure(FailedDelivery delivery, ErrorDecision decision) {
        Counter.builder(LISTENER_FAILURES).description("Failed listener invocations, by what the error handler decided")
                .tags("listener", delivery.listenerId(), GROUP, delivery.groupId(), TOPIC, delivery.partition().topic(),
                        "exception", delivery.error().getClass().getSimpleName(),
                        "kind", delivery.deserializationFailure() ? "deserialization" : "processing",
                        "decision", decision instanceof ErrorDecision.Retry ? "retry" : "recovered")
                .register(registry).increment(delivery.records().size());
    }
}
