package io.kafkaex.autoconfigure;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.client.NewTopic;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.spring.core.DeclaredTopicCreator;
import io.kafkaex.spring.core.KafkaExAdmin;
import io.kafkaex.spring.core.KafkaExTemplate;
import io.kafkaex.spring.core.KafkaExTemplateObservationConvention;
import io.kafkaex.spring.core.TransactionalProducerPool;
import io.kafkaex.spring.serialization.ByTypeSerializer;
import io.kafkaex.spring.serialization.Serializer;
import io.micrometer.observation.ObservationRegistry;

import java.time.Duration;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The template, its producer (or transactional producers) and serializers, the admin bean and topic creation; imported
 * by {@link KafkaExAutoConfiguration}. Every bean backs off when the application defines its own: the serializers by
 * name ({@value #KEY_SERIALIZER}, {@value #VALUE_SERIALIZER}), the others by type.
 */
@Configuration(proxyBeanMethods = false)
class KafkaExTemplateConfiguration {

    /** Name of the template's key serializer bean. */
    static final String KEY_SERIALIZER = "kafkaExKeySerializer";

    /** Name of the template's value serializer bean. */
    static final String VALUE_SERIALIZER = "kafkaExValueSerializer";

    private static final String TRANSACTION_ID_PREFIX = "kafkaex.producer.transaction-id-prefix";

    /** The template's producer, unless the template is transactional; closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(NotTransactional.class)
    KafkaExProducer kafkaExProducer(KafkaExOptionsFactory options, Environment environment) {
        return KafkaExProducer.create(options.producerOptions(KafkaExAutoConfiguration.defaultClientId(environment)).build());
    }

    /** The transactional producers of the template, when {@value #TRANSACTION_ID_PREFIX} is set; closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(TRANSACTION_ID_PREFIX)
    TransactionalProducerPool kafkaExTransactionalProducerPool(KafkaExProperties properties, KafkaExOptionsFactory options,
            Environment environment) {
        String prefix = properties.getProducer().getTransactionIdPrefix();
        if (prefix == null || prefix.isBlank()) {
            throw new InvalidKafkaExPropertyException(TRANSACTION_ID_PREFIX, prefix, "a non-blank prefix, or unset", null);
        }
        String clientId = KafkaExAutoConfiguration.defaultClientId(environment);
        return new TransactionalProducerPool(prefix,
                id -> KafkaExProducer.create(options.producerOptions(clientId, "producer-" + id).transactionalId(id).build()));
    }

    @Bean(KEY_SERIALIZER)
    @ConditionalOnMissingBean(name = KEY_SERIALIZER)
    Serializer<?> kafkaExKeySerializer(KafkaExProperties properties, ConfigurableListableBeanFactory beanFactory) {
        return serializer(properties.getProducer().getKeySerializer(), "kafkaex.producer.key-serializer", beanFactory);
    }

    @Bean(VALUE_SERIALIZER)
    @ConditionalOnMissingBean(name = VALUE_SERIALIZER)
    Serializer<?> kafkaExValueSerializer(KafkaExProperties properties, ConfigurableListableBeanFactory beanFactory) {
        return serializer(properties.getProducer().getValueSerializer(), "kafkaex.producer.value-serializer", beanFactory);
    }

    /**
     * The template; any {@link KafkaExTemplate} bean of the application, whatever its type arguments, replaces it.
     * Declared with wildcards so that it can be injected with the application's types ({@code KafkaExTemplate<String,
     * Order>}), as Spring Boot declares spring-kafka's template; its serializers choose by the runtime type.
     */
    @Bean
    @ConditionalOnMissingBean(KafkaExTemplate.class)
    @SuppressWarnings("unchecked")
    KafkaExTemplate<?, ?> kafkaExTemplate(ObjectProvider<TransactionalProducerPool> transactionalProducers,
            ObjectProvider<KafkaExProducer> producer, @Qualifier(KEY_SERIALIZER) Serializer<?> keySerializer,
            @Qualifier(VALUE_SERIALIZER) Serializer<?> valueSerializer, KafkaExProperties properties,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<KafkaExTemplateObservationConvention> observationConvention) {
        Serializer<Object> keys = (Serializer<Object>) keySerializer;
        Serializer<Object> values = (Serializer<Object>) valueSerializer;
        TransactionalProducerPool pool = transactionalProducers.getIfAvailable();
        KafkaExTemplate<Object, Object> template = pool != null
                ? new KafkaExTemplate<>(pool, keys, values)
                : new KafkaExTemplate<>(producer.getObject(), keys, values);
        TemplateProperties templateProperties = properties.getTemplate();
        template.setDefaultTopic(templateProperties.getDefaultTopic());
        if (templateProperties.isObservationEnabled()) {
            observationRegistry.ifAvailable(template::setObservationRegistry);
            observationConvention.ifAvailable(template::setObservationConvention);
        }
        return template;
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaExAdmin kafkaExAdmin(KafkaExClient client, KafkaExProperties properties) {
        Duration timeout = properties.getAdmin().getOperationTimeout();
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new InvalidKafkaExPropertyException("kafkaex.admin.operation-timeout", timeout, "a positive duration", null);
        }
        return new KafkaExAdmin(client, timeout);
    }

    /** Creates the {@link NewTopic} beans' topics at start-up unless {@code kafkaex.admin.auto-create=false}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "kafkaex.admin.auto-create", matchIfMissing = true)
    DeclaredTopicCreator kafkaExDeclaredTopicCreator(KafkaExAdmin admin, ObjectProvider<NewTopic> topics,
            KafkaExProperties properties) {
        return new DeclaredTopicCreator(admin, () -> topics.orderedStream().toList(), properties.getAdmin().isFailFast());
    }

    /**
     * The configured serializer class, made by the bean factory so that its constructor may take beans (a
     * JsonSerializer gets the application's mapper); else the {@link ByTypeSerializer}.
     */
    private static Serializer<?> serializer(Class<? extends Serializer<?>> configured, String property,
            ConfigurableListableBeanFactory beanFactory) {
        if (configured == null) {
            return new ByTypeSerializer(ApplicationJson.serializer(beanFactory));
        }
        try {
            return (Serializer<?>) beanFactory.createBean(configured, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false);
        } catch (BeansException e) {
            throw new InvalidKafkaExPropertyException(property, configured.getName(), "a Serializer class with a public "
                    + "constructor that takes no arguments or only beans (a JsonSerializer needs a Jackson JsonMapper bean)", e);
        }
    }

    /** Matches when {@value #TRANSACTION_ID_PREFIX} is not set. */
    static final class NotTransactional extends NoneNestedConditions {

        NotTransactional() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(TRANSACTION_ID_PREFIX)
        static final class TransactionIdPrefixSet {
        }
    }
}
