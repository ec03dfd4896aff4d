package io.kafkaex.autoconfigure;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.consumer.ConsumerGroupOptions;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.spring.serialization.ByTypeSerializer;
import io.kafkaex.spring.listener.DeserializerFactory;
import io.kafkaex.spring.listener.KafkaExListenerAnnotationBeanPostProcessor;
import io.kafkaex.spring.listener.KafkaExListenerContainerFactory;
import io.kafkaex.spring.listener.KafkaExListenerContainersLifecycle;
import io.kafkaex.spring.listener.KafkaExListenerDefaults;
import io.kafkaex.spring.listener.KafkaExListenerEndpointRegistry;
import io.kafkaex.spring.listener.KafkaExListenerObservationConvention;
import io.kafkaex.spring.listener.ListenerErrorHandler;
import io.kafkaex.spring.listener.ListenerFailureListener;
import io.kafkaex.spring.listener.ListenerRebalanceListener;
import io.kafkaex.spring.listener.ListenerReplyProducer;
import io.micrometer.observation.ObservationRegistry;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * The {@code @KafkaExListener} infrastructure; imported by {@link KafkaExAutoConfiguration}: the annotation
 * post-processor, the endpoint registry, the lifecycle that starts and stops the containers, and the default container
 * factory with its deserializers, error handler look-up, reply producer, (with
 * {@code spring.threads.virtual.enabled=true}) virtual worker threads and (with
 * {@code kafkaex.listener.observation-enabled=true} and an {@link ObservationRegistry} bean) observed invocations.
 */
@Configuration(proxyBeanMethods = false)
class KafkaExListenerConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static KafkaExListenerAnnotationBeanPostProcessor kafkaExListenerAnnotationBeanPostProcessor() {
        return new KafkaExListenerAnnotationBeanPostProcessor();
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaExListenerEndpointRegistry kafkaExListenerEndpointRegistry() {
        return new KafkaExListenerEndpointRegistry();
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaExListenerContainersLifecycle kafkaExListenerContainersLifecycle(KafkaExListenerEndpointRegistry registry) {
        return new KafkaExListenerContainersLifecycle(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaExListenerDefaults kafkaExListenerDefaults(KafkaExProperties properties) {
        ListenerProperties listener = properties.getListener();
        if (listener.getConcurrency() < 1) {
            throw new InvalidKafkaExPropertyException("kafkaex.listener.concurrency", listener.getConcurrency(),
                    "an integer >= 1", null);
        }
        return new KafkaExListenerDefaults(properties.getConsumer().getGroupId(), listener.getConcurrency(),
                listener.isAutoStartup(), listener.getCommitMode());
    }

    /** Sends {@code @SendTo} replies with a producer of its own, created on the first reply and closed with the context. */
    @Bean(destroyMethod = "close")
    ListenerReplyProducer kafkaExListenerReplyProducer(KafkaExOptionsFactory options, Environment environment,
            ListableBeanFactory beanFactory) {
        return new ListenerReplyProducer(() -> KafkaExProducer.create(
                options.producerOptions(KafkaExAutoConfiguration.defaultClientId(environment), "reply-producer").build()),
                new ByTypeSerializer(ApplicationJson.serializer(beanFactory)));
    }

    /**
     * The error handler of listeners that name none: the only {@link ListenerErrorHandler} bean (KafkaEx's default
     * unless the application replaced it), or the {@code @Primary} one among several. Never a silent fallback.
     *
     * @throws IllegalStateException naming the candidates when there is no single one
     */
    static ListenerErrorHandler defaultErrorHandler(ObjectProvider<ListenerErrorHandler> errorHandlers,
            ConfigurableListableBeanFactory beanFactory) {
        ListenerErrorHandler unique = errorHandlers.getIfUnique();
        if (unique != null) {
            return unique;
        }
        String[] candidates = beanFactory.getBeanNamesForType(ListenerErrorHandler.class);
        throw new IllegalStateException(candidates.length == 0
                ? "A @KafkaExListener without an errorHandler needs a ListenerErrorHandler bean, and there is none;"
                        + " define one, or keep KafkaEx's default (KafkaExErrorHandlingConfiguration)"
                : "A @KafkaExListener without an errorHandler needs one default ListenerErrorHandler, but there are "
                        + candidates.length + " (" + String.join(", ", candidates) + "); mark the default one @Primary,"
                        + " or name one in each listener's errorHandler attribute");
    }

    @Bean(name = KafkaExListenerContainerFactory.DEFAULT_BEAN_NAME, destroyMethod = "close")
    @ConditionalOnMissingBean(name = KafkaExListenerContainerFactory.DEFAULT_BEAN_NAME)
    KafkaExListenerContainerFactory kafkaExListenerContainerFactory(KafkaExProperties properties,
            KafkaExOptionsFactory options, Environment environment, ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<ListenerErrorHandler> errorHandlers,
            ObjectProvider<KafkaExClient> client, ListenerReplyProducer replies,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<KafkaExListenerObservationConvention> observationConvention,
            ObjectProvider<ListenerRebalanceListener> rebalanceListeners,
            ObjectProvider<ListenerFailureListener> failureListeners) {
        String clientId = KafkaExAutoConfiguration.defaultClientId(environment);
        ConsumerProperties consumer = properties.getConsumer();
        ListenerProperties listener = properties.getListener();
        DeserializerFactory deserializers = new DeserializerFactory(
                type -> beanFactory.createBean(type, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false),
                ApplicationJson.mapper(beanFactory), consumer.getJsonTrustedPackages());
        KafkaExListenerContainerFactory.MemberOptions memberOptions = (listenerId, index, groupId, topics) ->
                options.consumerGroupOptions(clientId, listenerId, index, groupId, topics);
        ScheduledExecutorService patternChecks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kafkaex-listener-topic-patterns");
            thread.setDaemon(true);
            return thread;
        });
        KafkaExListenerContainerFactory factory = new KafkaExListenerContainerFactory(memberOptions, deserializers,
                consumer.getKeyDeserializer(), consumer.getValueDeserializer(),
                name -> name != null ? beanFactory.getBean(name, ListenerErrorHandler.class)
                        : defaultErrorHandler(errorHandlers, beanFactory),
                replies, workerThreads(environment),
                () -> List.copyOf(client.getObject().metadataSync().topicsByName().keySet()), patternChecks,
                options.clientOptions(clientId, null).metadataRefreshInterval());
        factory.setRebalanceListeners(rebalanceListeners.orderedStream().toList());
        factory.setFailureListeners(failureListeners.orderedStream().toList());
        if (listener.isObservationEnabled()) {
            observationRegistry.ifAvailable(factory::setObservationRegistry);
            observationConvention.ifAvailable(factory::setObservationConvention);
        }
        return factory;
    }

    /** Virtual threads when {@code spring.threads.virtual.enabled=true} on Java 21+, else the core's own threads. */
    private static ThreadFactory workerThreads(Environment environment) {
        return Threading.VIRTUAL.isActive(environment)
                ? new VirtualThreadTaskExecutor("kafkaex-listener-").getVirtualThreadFactory() : null;
    }
}
