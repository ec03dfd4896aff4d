package io.kafkaex.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.autoconfigure.KafkaExClientOptionsCustomizer;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.spring.metrics.MicrometerTelemetryListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class KafkaExMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("kafkaex.client-id=metrics-test")
            .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class,
                    KafkaExMetricsAutoConfiguration.class));

    private final ApplicationContextRunner withBootMetrics = runner.withConfiguration(AutoConfigurations.of(
            MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class));

    @Test
    void withBootsRegistryEveryClientGetsAMeterListenerAndItsGauge() {
        withBootMetrics.run(context -> {
            assertThat(context).hasBean("kafkaExMetricsClientOptionsCustomizer");
            KafkaExClient client = context.getBean(KafkaExClient.class);
            assertThat(client.options().telemetryListeners()).hasExactlyElementsOfTypes(MicrometerTelemetryListener.class);
            assertThat(context.getBean(MeterRegistry.class).get("kafkaex.requests.in-flight")
                    .tags("client.id", "metrics-test").gauge().value()).isZero();
        });
    }

    @Test
    void closingTheContextRemovesTheClientsMeters() {
        MeterRegistry registry = new SimpleMeterRegistry();
        // the admin client's gauge; the template's producer has a client (and gauges) of its own
        runner.withBean(MeterRegistry.class, () -> registry).run(context -> assertThat(
                registry.find("kafkaex.requests.in-flight").tag("client.id", "metrics-test").gauges()).hasSize(1));

        assertThat(registry.find("kafkaex.requests.in-flight").gauges()).isEmpty();
    }

    @Test
    void backsOffWithoutAMeterRegistryBean() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean("kafkaExMetricsClientOptionsCustomizer");
            assertThat(context.getBean(KafkaExClient.class).options().telemetryListeners()).isEmpty();
        });
    }

    @Test
    void backsOffWithoutMicrometerOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean("kafkaExMetricsClientOptionsCustomizer");
                });
    }

    @Test
    void backsOffWhenDisabled() {
        withBootMetrics.withPropertyValues("kafkaex.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("kafkaExMetricsClientOptionsCustomizer"));
    }

    @Test
    void aUserCustomizerOfTheSameNameWins() {
        withBootMetrics.withUserConfiguration(UserCustomizer.class).run(context -> {
            assertThat(context.getBean("kafkaExMetricsClientOptionsCustomizer"))
                    .isSameAs(UserCustomizer.CUSTOMIZER);
            assertThat(context.getBean(KafkaExClient.class).options().telemetryListeners()).isEmpty();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserCustomizer {

        static final KafkaExClientOptionsCustomizer CUSTOMIZER = builder -> { };

        @Bean
        KafkaExClientOptionsCustomizer kafkaExMetricsClientOptionsCustomizer() {
            return CUSTOMIZER;
        }
    }
}
