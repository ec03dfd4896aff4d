package io.kafkaex.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.autoconfigure.KafkaExProperties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With a configured cluster, the embedded broker stays off and the configuration is left alone. */
class EmbeddedKafkaBrokerTest {

    @Test
    void configuredClusterWinsAndNoBrokerStarts() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withUserConfiguration(EmbeddedKafkaConfiguration.class)
                .withPropertyValues("kafkaex.bootstrap-servers=broker.example:9092")
                .run(context -> {
                    assertThat(context.getBean(EmbeddedKafkaBroker.class).cluster()).isNull();
                    assertThat(context.getBean(KafkaExProperties.class).getBootstrapServers())
                            .containsExactly("broker.example:9092");
                });
    }
}
