package io.kafkaex.spring.metrics;

import io.kafkaex.producer.KafkaExProducer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges of a batching producer's buffer memory: {@value KafkaExMeterNames#PRODUCER_BUFFER_AVAILABLE} (free now) and
 * {@value KafkaExMeterNames#PRODUCER_BUFFER_TOTAL} (its {@code bufferMemory}), tagged with the producer's client id.
 * They are removed with the producer's other meters when its client closes (by the producer's
 * {@link MicrometerTelemetryListener}); the gauges hold the producer weakly, so an unclosed, forgotten producer does
 * not stay reachable through them.
 *
 * <p>Thread-safe.
 */
public final class KafkaExProducerMetrics {

    private KafkaExProducerMetrics() {
    }

    /** Registers the buffer gauges of {@code producer}. */
    public static void bind(KafkaExProducer producer, MeterRegistry registry) {
        Tags tags = Tags.of(KafkaExMeterNames.CLIENT_ID, producer.options().client().clientId());
        Gauge.builder(KafkaExMeterNames.PRODUCER_BUFFER_AVAILABLE, producer, KafkaExProducer::availableBufferMemory)
                .tags(tags).baseUnit("bytes").description("Buffer memory the producer has free for records")
                .register(registry);
        long total = producer.options().bufferMemory();
        Gauge.builder(KafkaExMeterNames.PRODUCER_BUFFER_TOTAL, producer, p -> total)
                .tags(tags).baseUnit("bytes").description("Buffer memory the producer may use for records")
                .register(registry);
    }
}
