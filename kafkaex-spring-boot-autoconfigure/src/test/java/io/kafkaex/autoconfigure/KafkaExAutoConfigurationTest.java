package io.kafkaex.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KafkaExAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class));

    @Test
    void bootstrapServersDefaultToLocalhost() {
        runner.run(context -> assertThat(context.getBean(KafkaExProperties.class).getBootstrapServers())
                .containsExactly("localhost:9092"));
    }

    @Test
    void bootstrapServersBindFromACommaSeparatedProperty() {
        runner.withPropertyValues("kafkaex.bootstrap-servers=10.0.0.1:9092, 10.0.0.2:9093")
                .run(context -> assertThat(context.getBean(KafkaExProperties.class).getBootstrapServers())
                        .containsExactly("10.0.0.1:9092", "10.0.0.2:9093"));
    }
}
