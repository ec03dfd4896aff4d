package io.kafkaex.autoconfigure.metrics;

import io.kafkaex.autoconfigure.KafkaExClientOptionsCustomizer;
import io.kafkaex.autoconfigure.KafkaExProperties;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.spring.metrics.KafkaExProducerMetrics;
import io.kafkaex.spring.metrics.ListenerFailureMeters;
import io.kafkaex.spring.metrics.MicrometerTelemetryListener;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of KafkaEx (see {@link io.kafkaex.spring.metrics.KafkaExMeterNames}): every client the
 * auto-configuration creates gets its own {@link MicrometerTelemetryListener} through a
 * {@link KafkaExClientOptionsCustomizer}, and the {@link KafkaExProducer} beans get buffer gauges. Active when
 * Micrometer is on the classpath, a {@link MeterRegistry} bean exists and {@code kafkaex.metrics.enabled} is not
 * false. A client's meters are removed when it closes.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, KafkaExClient.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "kafkaex.metrics.enabled", matchIfMissing = true)
public class KafkaExMetricsAutoConfiguration {

    /** Adds a new meter-recording telemetry listener to the options of each client. */
    @Bean
    @ConditionalOnMissingBean(name = "kafkaExMetricsClientOptionsCustomizer")
    KafkaExClientOptionsCustomizer kafkaExMetricsClientOptionsCustomizer(MeterRegistry registry,
            KafkaExProperties properties) {
        boolean lagGauges = properties.getMetrics().getLag().isEnabled();
        return builder -> builder.telemetryListener(new MicrometerTelemetryListener(registry, lagGauges));
    }

    /** Counts failed listener invocations by the error handler's decision. */
    @Bean
    @ConditionalOnMissingBean
    ListenerFailureMeters kafkaExListenerFailureMeters(MeterRegistry registry) {
        return new ListenerFailureMeters(registry);
    }

    /** Binds the buffer gauges of every {@link KafkaExProducer} bean once all singletons exist. */
    @Bean
    SmartInitializingSingleton kafkaExProducerMetricsBinder(MeterRegistry registry,
            ObjectProvider<KafkaExProducer> producers) {
        return () -> producers.orderedStream().forEach(producer -> KafkaExProducerMetrics.bind(producer, registry));
    }
}
