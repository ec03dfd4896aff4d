package io.kafkaex.spring.listener;

import io.kafkaex.consumer.ConsumerGroupOptions;
import io.kafkaex.spring.annotation.KafkaExHandler;
import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.annotation.PartitionOffset;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Finds {@code @KafkaExListener} methods (and classes with {@code @KafkaExHandler} methods) on every bean, and once
 * all singletons exist resolves their attributes ({@code ${...}} placeholders, {@code #{...}} SpEL, defaults from
 * {@link KafkaExListenerDefaults}), has the container factory ({@code containerFactory}, else
 * {@value KafkaExListenerContainerFactory#DEFAULT_BEAN_NAME}) make each container, and registers it in the
 * {@link KafkaExListenerEndpointRegistry}.
 *
 * <p>Threads: called by the bean factory while the context starts.
 */
public class KafkaExListenerAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware,
        SmartInitializingSingleton {

    private ConfigurableListableBeanFactory beanFactory;
    private final List<Found> found = new ArrayList<>();

    /** An annotated method (or class with handlers) waiting for the singletons. */
    private record Found(Object bean, String beanName, KafkaExListener annotation, List<Method> methods, boolean classLevel) {
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, KafkaExListener> methods = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<KafkaExListener>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, KafkaExListener.class));
        methods.forEach((method, annotation) -> found.add(new Found(bean, beanName, annotation,
                List.of(AopUtils.selectInvocableMethod(method, bean.getClass())), false)));
        KafkaExListener onClass = AnnotatedElementUtils.findMergedAnnotation(type, KafkaExListener.class);
        if (onClass != null) {
            Set<Method> handlers = MethodIntrospector.selectMethods(type, (ReflectionUtils.MethodFilter) method ->
                    AnnotatedElementUtils.hasAnnotation(method, KafkaExHandler.class));
            if (handlers.isEmpty()) {
                throw new IllegalStateException("Class " + type.getName() + " is annotated with @KafkaExListener but "
                        + "has no @KafkaExHandler method; annotate its handler methods");
            }
            found.add(new Found(bean, beanName, onClass, handlers.stream()
                    .map(method -> AopUtils.selectInvocableMethod(method, bean.getClass())).toList(), true));
        }
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        KafkaExListenerDefaults defaults = beanFactory.getBean(KafkaExListenerDefaults.class);
        KafkaExListenerEndpointRegistry registry = beanFactory.getBean(KafkaExListenerEndpointRegistry.class);
        for (Found each : found) {
            KafkaExListenerEndpoint endpoint = endpoint(each, defaults);
            String factoryName = text(each.annotation().containerFactory());
            KafkaExListenerContainerFactory factory = beanFactory.getBean(
                    factoryName == null ? KafkaExListenerContainerFactory.DEFAULT_BEAN_NAME : factoryName,
                    KafkaExListenerContainerFactory.class);
            registry.register(factory.createContainer(endpoint));
        }
        found.clear();
    }

    /** The endpoint of one annotated method or class, every attribute resolved. */
    KafkaExListenerEndpoint endpoint(Found each, KafkaExListenerDefaults defaults) {
        KafkaExListener annotation = each.annotation();
        String id = text(annotation.id());
        if (id == null) {
            id = each.classLevel() ? each.beanName() : each.beanName() + "." + each.methods().get(0).getName();
        }
        String groupId = text(annotation.groupId());
        groupId = groupId != null ? groupId : defaults.groupId() != null ? defaults.groupId() : id;
        String pattern = text(annotation.topicPattern());
        String concurrency = text(annotation.concurrency());
        String autoStartup = text(annotation.autoStartup());
        String commitMode = text(annotation.commitMode());
        boolean batch = Boolean.parseBoolean(text(annotation.batch()));
        ListenerInvoker invoker = each.classLevel()
                ? new HandlerDispatcher(each.bean(), each.methods())
                : new ListenerMethod(each.bean(), each.methods().get(0), batch);
        return new KafkaExListenerEndpoint(id, groupId, strings(annotation.topics()),
                pattern == null ? null : Pattern.compile(pattern), assignment(annotation),
                concurrency == null ? defaults.concurrency() : concurrency(id, concurrency),
                autoStartup == null ? defaults.autoStartup() : Boolean.parseBoolean(autoStartup), batch,
                commitMode == null ? defaults.commitMode() : commitMode(id, commitMode),
                text(annotation.errorHandler()), properties(id, annotation.properties()), replyTopic(each), invoker);
    }

    /** The commit mode an attribute names; case, {@code -} and {@code _} do not matter, as in the property. */
    static CommitMode commitMode(String listenerId, String value) {
        String normalized = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (CommitMode mode : CommitMode.values()) {
            if (mode.name().equals(normalized)) {
                return mode;
            }
        }
        throw new IllegalStateException("@KafkaExListener '" + listenerId + "' has commitMode '" + value
                + "'; use one of " + Arrays.toString(CommitMode.values()) + " (case, - and _ do not matter)");
    }

    private static int concurrency(String listenerId, String value) {
        try {
            int members = Integer.parseInt(value.trim());
            if (members >= 1) {
                return members;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalStateException("@KafkaExListener '" + listenerId + "' has concurrency '" + value
                + "'; use a whole number of at least 1 (the number of group members the listener runs)");
    }

    private String replyTopic(Found each) {
        SendTo sendTo = AnnotatedElementUtils.findMergedAnnotation(each.methods().get(0), SendTo.class);
        if (sendTo == null) {
            return null;
        }
        List<String> topics = strings(sendTo.value());
        if (topics.size() != 1) {
            throw new IllegalStateException("@SendTo on " + each.methods().get(0) + " must name exactly one topic, was "
                    + topics);
        }
        return topics.get(0);
    }

    private Map<io.kafkaex.client.TopicPartition, Long> assignment(KafkaExListener annotation) {
        Map<io.kafkaex.client.TopicPartition, Long> assignment = new LinkedHashMap<>();
        for (io.kafkaex.spring.annotation.TopicPartition topicPartition : annotation.topicPartitions()) {
            String topic = text(topicPartition.topic());
            for (String partition : strings(topicPartition.partitions())) {
                assignment.put(new io.kafkaex.client.TopicPartition(topic, Integer.parseInt(partition.trim())),
                        ConsumerGroupOptions.COMMITTED_OFFSET);
            }
            for (PartitionOffset offset : topicPartition.partitionOffsets()) {
                assignment.put(new io.kafkaex.client.TopicPartition(topic, Integer.parseInt(text(offset.partition()))),
                        Long.parseLong(text(offset.initialOffset())));
            }
        }
        return assignment;
    }

    private Map<String, String> properties(String id, String[] entries) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String entry : strings(entries)) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalStateException("@KafkaExListener '" + id + "' has the properties entry '" + entry
                        + "'; write name=value, e.g. commit-interval=10s");
            }
            properties.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        return properties;
    }

    /** Resolves each value; a value resolving to an array or collection contributes each element. */
    List<String> strings(String[] values) {
        List<String> resolved = new ArrayList<>();
        for (String value : values) {
            Object result = resolve(value);
            if (result instanceof String[] array) {
                resolved.addAll(List.of(array));
            } else if (result instanceof Collection<?> collection) {
                collection.forEach(element -> resolved.add(String.valueOf(element)));
            } else if (result != null && StringUtils.hasText(result.toString())) {
                resolved.add(result.toString());
            }
        }
        return resolved;
    }

    /** The resolved text, or {@code null} when empty. */
    String text(String value) {
        Object result = resolve(value);
        return result == null || !StringUtils.hasText(result.toString()) ? null : result.toString().trim();
    }

    private Object resolve(String value) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        String embedded = beanFactory.resolveEmbeddedValue(value);
        BeanExpressionResolver expressions = beanFactory.getBeanExpressionResolver();
        return expressions == null ? embedded : expressions.evaluate(embedded, new BeanExpressionContext(beanFactory, null));
    }
}
