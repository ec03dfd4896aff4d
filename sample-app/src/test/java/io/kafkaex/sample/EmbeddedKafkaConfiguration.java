package io.kafkaex.sample;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Adds {@link EmbeddedKafkaBroker} to an application: a real broker when no cluster is configured.
 * Used by {@link TestSampleApplication} and by the sample's integration tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedKafkaConfiguration {

    @Bean
    static EmbeddedKafkaBroker embeddedKafkaBroker(ConfigurableEnvironment environment) {
        return new EmbeddedKafkaBroker(environment);
    }
}
