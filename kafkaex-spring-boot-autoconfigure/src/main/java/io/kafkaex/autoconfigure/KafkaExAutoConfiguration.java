package io.kafkaex.autoconfigure;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.security.AwsCredentialsProvider;
import io.kafkaex.security.OAuthBearerTokenProvider;
import io.kafkaex.telemetry.KafkaExTelemetryListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of KafkaEx: binds {@link KafkaExProperties} and creates the connection details, the options
 * factory and the admin client; imports the template and listener configurations. Listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}; never component-scanned.
 */
@AutoConfiguration
@EnableConfigurationProperties(KafkaExProperties.class)
@Import({KafkaExTemplateConfiguration.class, KafkaExListenerConfiguration.class, KafkaExErrorHandlingConfiguration.class})
public class KafkaExAutoConfiguration {

    /** The client id used when {@code kafkaex.client-id} is unset and the application has no name. */
    static final String DEFAULT_CLIENT_ID = "kafkaex";

    @Bean
    @ConditionalOnMissingBean(KafkaExConnectionDetails.class)
    PropertiesKafkaExConnectionDetails kafkaExConnectionDetails(KafkaExProperties properties) {
        return new PropertiesKafkaExConnectionDetails(properties);
    }

    /** Maps the properties; an invalid {@code kafkaex.*} value fails the start-up here, naming the property. */
    @Bean
    @ConditionalOnMissingBean
    KafkaExOptionsFactory kafkaExOptionsFactory(KafkaExProperties properties, KafkaExConnectionDetails connection,
            ObjectProvider<SslBundles> sslBundles, ObjectProvider<OAuthBearerTokenProvider> tokenProvider,
            ObjectProvider<AwsCredentialsProvider> awsCredentials,
            ObjectProvider<KafkaExClientOptionsCustomizer> clientCustomizers,
            ObjectProvider<KafkaExProducerOptionsCustomizer> producerCustomizers,
            ObjectProvider<KafkaExConsumerGroupOptionsCustomizer> consumerCustomizers, Environment environment) {
        KafkaExOptionsFactory.SecurityBeans securityBeans = new KafkaExOptionsFactory.SecurityBeans(
                sslBundles.getIfAvailable(), tokenProvider.getIfAvailable(), awsCredentials.getIfAvailable());
        KafkaExOptionsFactory factory = new KafkaExOptionsFactory(properties, connection, securityBeans,
                clientCustomizers.orderedStream().toList(), producerCustomizers.orderedStream().toList(),
                consumerCustomizers.orderedStream().toList());
        factory.checkProperties(defaultClientId(environment));
        return factory;
    }

    /** The client for the kafka_ex API operations (metadata, offsets, topics, groups); closed with the context. */
    /**
     * Registers every {@link KafkaExTelemetryListener} bean on each client the auto-configuration creates (the admin
     * client, producers, listener members): one listener hears all of them, so it must be thread-safe; each event names
     * its client id.
     */
    @Bean
    KafkaExClientOptionsCustomizer kafkaExTelemetryListenersCustomizer(
            ObjectProvider<KafkaExTelemetryListener> telemetryListeners) {
        return builder -> telemetryListeners.orderedStream().forEach(builder::telemetryListener);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KafkaExClient kafkaExClient(KafkaExOptionsFactory options, Environment environment) {
        return KafkaExClient.create(options.clientOptions(defaultClientId(environment), null));
    }

    /** {@code spring.application.name}, else {@value #DEFAULT_CLIENT_ID}. */
    static String defaultClientId(Environment environment) {
        return environment.getProperty("spring.application.name", DEFAULT_CLIENT_ID);
    }
}
