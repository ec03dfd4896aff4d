package io.kafkaex.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.autoconfigure.InvalidKafkaExPropertyException;
import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.spring.health.ClientProbe;
import io.kafkaex.spring.health.KafkaExHealthContributor;
import io.kafkaex.spring.health.KafkaExLivenessHealthIndicator;
import io.kafkaex.spring.health.KafkaExReadinessHealthIndicator;
import io.kafkaex.spring.listener.FakeListenerContainer;
import io.kafkaex.spring.listener.KafkaExListenerEndpointRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class KafkaExHealthAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("kafkaex.bootstrap-servers=127.0.0.1:1")
            .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class,
                    KafkaExHealthAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                    HealthContributorRegistryAutoConfiguration.class));

    @Test
    void registersTheKafkaexContributorAndTheAvailabilityIndicatorsUnderTheirNames() {
        runner.run(context -> {
            HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
            assertThat(registry.getContributor("kafkaex")).isInstanceOf(KafkaExHealthContributor.class);
            assertThat(registry.getContributor("kafkaexLiveness")).isInstanceOf(KafkaExLivenessHealthIndicator.class);
            assertThat(registry.getContributor("kafkaexReadiness")).isInstanceOf(KafkaExReadinessHealthIndicator.class);
        });
    }

    @Test
    void listenerContainersOfTheRegistryBecomeComponents() {
        runner.withUserConfiguration(Listeners.class).run(context -> {
            HealthContributors listeners = (HealthContributors) context.getBean(KafkaExHealthContributor.class)
                    .getContributor("listeners");
            assertThat(((HealthIndicator) listeners.getContributor("orders")).health().getStatus())
                    .isEqualTo(Status.DOWN);
            assertThat(context.getBean(KafkaExLivenessHealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.DOWN);
        });
    }

    @Test
    void theRefreshIntervalIsBoundAndANegativeOneIsRejectedNamingTheProperty() {
        runner.withPropertyValues("kafkaex.health.refresh-interval=-1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidKafkaExPropertyException.class)
                    .hasMessageContaining("kafkaex.health.refresh-interval");
        });
    }

    @Test
    void backsOffWhenDisabledTheBootWay() {
        runner.withPropertyValues("management.health.kafkaex.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(KafkaExHealthContributor.class);
            assertThat(context).doesNotHaveBean(ClientProbe.class);
        });
    }

    @Test
    void backsOffWithoutSpringBootHealthOnTheClasspath() {
        new ApplicationContextRunner().withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class,
                        KafkaExHealthAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ClientProbe.class);
                });
    }

    @Test
    void aUserContributorNamedKafkaexWins() {
        runner.withUserConfiguration(UserContributor.class).run(context -> {
            assertThat(context.getBean("kafkaexHealthContributor")).isSameAs(UserContributor.INDICATOR);
            assertThat(context).hasSingleBean(KafkaExReadinessHealthIndicator.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {

        @Bean
        KafkaExListenerEndpointRegistry registry() {
            KafkaExListenerEndpointRegistry registry = new KafkaExListenerEndpointRegistry();
            registry.register(new FakeListenerContainer("orders", "g1", "orders")
                    .failed(new IllegalStateException("fenced")));
            return registry;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserContributor {

        static final HealthIndicator INDICATOR = () -> org.springframework.boot.health.contributor.Health.up().build();

        @Bean
        HealthIndicator kafkaexHealthContributor() {
            return INDICATOR;
        }
    }
}
