package io.kafkaex.autoconfigure.endpoint;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.spring.endpoint.KafkaExEndpoint;
import io.kafkaex.spring.listener.KafkaExListenerEndpointRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code kafkaex} actuator endpoint ({@link KafkaExEndpoint}): listeners, assignments, lag and state, with pause
 * and resume. Active when the actuator is on the classpath and the endpoint is available (exposed, not disabled).
 */
@AutoConfiguration(after = KafkaExAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class, KafkaExClient.class})
public class KafkaExEndpointAutoConfiguration {

    /** The bean, in a nested class so that its condition is only read when the actuator is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnAvailableEndpoint(KafkaExEndpoint.class)
    static class KafkaExEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        KafkaExEndpoint kafkaExEndpoint(ObjectProvider<KafkaExListenerEndpointRegistry> registry) {
            return new KafkaExEndpoint(registry::getIfAvailable);
        }
    }
}
