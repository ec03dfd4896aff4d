package io.kafkaex.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.KafkaExClientOptions;
import io.kafkaex.security.SecurityProtocol;
import io.kafkaex.telemetry.KafkaExTelemetryListener;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

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

    @Test
    void theClientIsMadeFromTheProperties() {
        runner.withPropertyValues("kafkaex.bootstrap-servers=k1:9092", "kafkaex.request-timeout=7s",
                        "kafkaex.producer.linger=1s", "kafkaex.consumer.session-timeout=1m")
                .run(context -> {
                    KafkaExClientOptions options = context.getBean(KafkaExClient.class).options();
                    assertThat(options.bootstrapServers()).hasToString("[k1:9092]");
                    assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
                    KafkaExProperties properties = context.getBean(KafkaExProperties.class);
                    assertThat(properties.getProducer().getLinger()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(properties.getConsumer().getSessionTimeout()).isEqualTo(Duration.ofMinutes(1));
                });
    }

    @Test
    void theClientIdIsThePropertyElseTheApplicationNameElseKafkaex() {
        runner.run(context -> assertThat(clientId(context.getBean(KafkaExClient.class))).isEqualTo("kafkaex"));
        runner.withPropertyValues("spring.application.name=orders")
                .run(context -> assertThat(clientId(context.getBean(KafkaExClient.class))).isEqualTo("orders"));
        runner.withPropertyValues("spring.application.name=orders", "kafkaex.client-id=orders-eu")
                .run(context -> assertThat(clientId(context.getBean(KafkaExClient.class))).isEqualTo("orders-eu"));
    }

    @Test
    void connectionDetailsBeanWinsOverTheBootstrapServersProperty() {
        runner.withPropertyValues("kafkaex.bootstrap-servers=ignored:9092")
                .withBean(KafkaExConnectionDetails.class, () -> () -> List.of("container:1234"))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(PropertiesKafkaExConnectionDetails.class);
                    assertThat(context.getBean(KafkaExClient.class).options().bootstrapServers())
                            .hasToString("[container:1234]");
                });
    }

    @Test
    void userBeansWin() {
        KafkaExProperties properties = new KafkaExProperties();
        KafkaExOptionsFactory factory = new KafkaExOptionsFactory(properties,
                new PropertiesKafkaExConnectionDetails(properties), List.of(), List.of(), List.of());
        runner.withBean(KafkaExOptionsFactory.class, () -> factory)
                .run(context -> assertThat(context.getBean(KafkaExOptionsFactory.class)).isSameAs(factory));
        runner.withBean("myClient", KafkaExClient.class,
                        () -> KafkaExClient.create(factory.clientOptions("mine", null)))
                .run(context -> {
                    assertThat(context).hasSingleBean(KafkaExClient.class);
                    assertThat(clientId(context.getBean(KafkaExClient.class))).isEqualTo("mine");
                });
    }

    @Test
    void customizerBeansAreAppliedInOrder() {
        runner.withUserConfiguration(Customizers.class).run(context -> {
            KafkaExOptionsFactory factory = context.getBean(KafkaExOptionsFactory.class);
            assertThat(clientId(context.getBean(KafkaExClient.class))).isEqualTo("kafkaex-first-second");
            assertThat(factory.producerOptions("app").build().maxInFlight()).isEqualTo(2);
            assertThat(factory.consumerGroupOptions("app", "orders", 0, "g", List.of("t")).build().commitThreshold())
                    .isEqualTo(6);
        });
    }

    @Test
    void anSslBundleIsTheClientsTls() {
        runner.withBean(SslBundles.class, () -> new DefaultSslBundleRegistry("corp", SslBundle.systemDefault()))
                .withPropertyValues("kafkaex.ssl.bundle=corp", "kafkaex.ssl.hostname-verification=false")
                .run(context -> {
                    KafkaExClientOptions options = context.getBean(KafkaExClient.class).options();
                    assertThat(options.securityProtocol()).isEqualTo(SecurityProtocol.SSL);
                    assertThat(options.tls()).hasToString(
                            "TlsOptions{given SSLContext, protocols=[TLSv1.3, TLSv1.2], hostnameVerification=false}");
                });
    }

    @Test
    void anUnknownSslBundleFailsTheStartNamingTheBundlesThereAre() {
        runner.withBean(SslBundles.class, () -> new DefaultSslBundleRegistry("corp", SslBundle.systemDefault()))
                .withPropertyValues("kafkaex.ssl.bundle=other")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(org.springframework.boot.ssl.NoSuchSslBundleException.class));
        runner.withBean(SslBundles.class, () -> new DefaultSslBundleRegistry("corp", SslBundle.systemDefault()))
                .withPropertyValues("kafkaex.ssl.bundle=other")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Invalid value 'other' for kafkaex.ssl.bundle")
                        .hasStackTraceContaining("[corp]"));
    }

    @Test
    void anInvalidPropertyFailsTheStart() {
        runner.withPropertyValues("kafkaex.producer.batch-size=-1")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Invalid value '-1B' for kafkaex.producer.batch-size"));
    }

    private static String clientId(KafkaExClient client) {
        return client.options().clientId();
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        KafkaExClientOptionsCustomizer second() {
            return builder -> builder.clientId(builder.build().clientId() + "-second");
        }

        @Bean
        @Order(1)
        KafkaExClientOptionsCustomizer first() {
            return builder -> builder.clientId(builder.build().clientId() + "-first");
        }

        @Bean
        KafkaExProducerOptionsCustomizer producer() {
            return builder -> builder.maxInFlight(2);
        }

        @Bean
        KafkaExConsumerGroupOptionsCustomizer consumer() {
            return (listenerId, builder) -> builder.commitThreshold(listenerId.length());
        }
    }

    @Test
    void telemetryListenerBeansHearEveryClientTheAutoConfigurationCreates() {
        KafkaExTelemetryListener listener = new KafkaExTelemetryListener() { };
        runner.withBean(KafkaExTelemetryListener.class, () -> listener).run(context -> {
            assertThat(context.getBean(KafkaExClient.class).options().telemetryListeners()).containsExactly(listener);
            assertThat(context.getBean(KafkaExOptionsFactory.class).producerOptions("app").build().client()
                    .telemetryListeners()).containsExactly(listener);
        });
    }
}
