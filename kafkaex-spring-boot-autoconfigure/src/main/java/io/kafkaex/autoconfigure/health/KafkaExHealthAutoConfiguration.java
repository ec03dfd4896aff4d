package io.kafkaex.autoconfigure.health;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.autoconfigure.KafkaExProperties;
import io.kafkaex.client.KafkaExClient;
import io.kafkaex.spring.health.ClientHealthIndicator;
import io.kafkaex.spring.health.ClientProbe;
import io.kafkaex.spring.health.KafkaExHealthContributor;
import io.kafkaex.spring.health.KafkaExLivenessHealthIndicator;
import io.kafkaex.spring.health.KafkaExReadinessHealthIndicator;
import io.kafkaex.spring.listener.KafkaExListenerEndpointRegistry;
import io.kafkaex.spring.listener.MessageListenerContainer;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator health of KafkaEx, from the client's own state (no broker round trip per probe): the {@code kafkaex}
 * contributor (a {@code client} component and one per listener container), and {@code kafkaexLiveness} and
 * {@code kafkaexReadiness} for the probe groups (see {@link io.kafkaex.autoconfigure.HealthProperties}). Active when
 * Spring Boot's health support is on the classpath, a {@link KafkaExClient} bean exists and
 * {@code management.health.kafkaex.enabled} is not false.
 */
@AutoConfiguration(after = KafkaExAutoConfiguration.class,
        beforeName = "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration")
@ConditionalOnClass({HealthIndicator.class, KafkaExClient.class})
public class KafkaExHealthAutoConfiguration {

    /**
     * The beans, in a nested class so that its conditions, whose classes live in {@code spring-boot-health}, are only
     * read when that module is present.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(KafkaExClient.class)
    @ConditionalOnEnabledHealthIndicator("kafkaex")
    static class KafkaExHealthContributorsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ClientProbe kafkaExClientProbe(KafkaExClient client, KafkaExProperties properties) {
            return new ClientProbe(client, properties.getHealth().getRefreshInterval(), Clock.systemUTC());
        }

        @Bean
        @ConditionalOnMissingBean(name = "kafkaexHealthContributor")
        KafkaExHealthContributor kafkaexHealthContributor(ClientProbe probe,
                ObjectProvider<KafkaExListenerEndpointRegistry> registry) {
            return new KafkaExHealthContributor(new ClientHealthIndicator(probe, Clock.systemUTC()), containers(registry));
        }

        @Bean
        @ConditionalOnMissingBean(name = "kafkaexLivenessHealthIndicator")
        KafkaExLivenessHealthIndicator kafkaexLivenessHealthIndicator(ClientProbe probe,
                ObjectProvider<KafkaExListenerEndpointRegistry> registry) {
            return new KafkaExLivenessHealthIndicator(probe::status, containers(registry));
        }

        @Bean
        @ConditionalOnMissingBean(name = "kafkaexReadinessHealthIndicator")
        KafkaExReadinessHealthIndicator kafkaexReadinessHealthIndicator(ClientProbe probe,
                ObjectProvider<KafkaExListenerEndpointRegistry> registry) {
            return new KafkaExReadinessHealthIndicator(probe::status, containers(registry));
        }

        /** The registry's containers at each call; none when the application has no registry. */
        private static Supplier<Collection<MessageListenerContainer>> containers(
                ObjectProvider<KafkaExListenerEndpointRegistry> registry) {
            return () -> {
                KafkaExListenerEndpointRegistry current = registry.getIfAvailable();
                return current == null ? List.of() : current.getListenerContainers();
            };
        }
    }
}
