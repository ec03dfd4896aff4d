package io.kafkaex.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.spring.endpoint.KafkaExEndpoint;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KafkaExEndpointAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class,
                    KafkaExEndpointAutoConfiguration.class));

    @Test
    void createsTheEndpointWhenExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=kafkaex")
                .run(context -> assertThat(context).hasSingleBean(KafkaExEndpoint.class));
    }

    @Test
    void notCreatedWhenNotExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(KafkaExEndpoint.class));
    }

    @Test
    void notCreatedWhenDisabled() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=kafkaex",
                "management.endpoint.kafkaex.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(KafkaExEndpoint.class));
    }

    @Test
    void backsOffWithoutTheActuatorOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .withPropertyValues("management.endpoints.web.exposure.include=kafkaex")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean("kafkaExEndpoint");
                });
    }
}
