package io.kafkaex.spring.listener;

import io.kafkaex.autoconfigure.KafkaExAutoConfiguration;
import io.kafkaex.spring.annotation.KafkaExHandler;
import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.annotation.PartitionOffset;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attribute resolution of {@code @KafkaExListener} (placeholders, SpEL, property defaults), the registry beans and the
 * container-factory override, without a broker (auto-startup off).
 */
class KafkaExListenerAnnotationBeanPostProcessorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
            .withPropertyValues("kafkaex.listener.auto-startup=false", "orders.topic=orders-in", "orders.group=billing");

    @Test
    void placeholdersAndSpelResolveInEveryAttributeAndTheRestComesFromTheProperties() {
        runner.withUserConfiguration(Resolved.class).withPropertyValues("kafkaex.listener.concurrency=3",
                "kafkaex.consumer.group-id=fallback-group").run(context -> {
            KafkaExListenerEndpointRegistry registry = context.getBean(KafkaExListenerEndpointRegistry.class);
            MessageListenerContainer orders = registry.getListenerContainer("orders-listener").orElseThrow();
            assertThat(orders.getTopics()).containsExactlyInAnyOrder("orders-in", "audit-2");
            assertThat(orders.getGroupId()).isEqualTo("billing");
            assertThat(orders.isAutoStartup()).isFalse();
            assertThat(orders.getState()).isEqualTo(ContainerState.STOPPED);

            MessageListenerContainer defaults = registry.getListenerContainers().stream()
                    .filter(container -> container.getListenerId().endsWith(".defaults")).findFirst().orElseThrow();
            assertThat(defaults.getGroupId()).isEqualTo("fallback-group");
            assertThat(defaults.getTopics()).containsExactly("plain");

            MessageListenerContainer fixed = registry.getListenerContainer("fixed").orElseThrow();
            assertThat(fixed.getTopics()).containsExactly("orders-in");
            assertThat(fixed.getGroupId()).isEqualTo("fixed");
        });
    }

    @Test
    void resolvedValuesFlattenArraysAndCollectionsAndAnEmptyValueIsUnset() {
        runner.withUserConfiguration(Resolved.class).run(context -> {
            KafkaExListenerAnnotationBeanPostProcessor processor = context.getBean(
                    KafkaExListenerAnnotationBeanPostProcessor.class);
            assertThat(processor.strings(new String[] {"${orders.topic}", "#{'a,b'.split(',')}"}))
                    .containsExactly("orders-in", "a", "b");
            assertThat(processor.text("#{2 * 3}")).isEqualTo("6");
            assertThat(processor.text("")).isNull();
        });
    }

    @Test
    void aClassLevelListenerDispatchesToItsHandlersAndAListenerMayNameItsContainerFactory() {
        runner.withUserConfiguration(ClassLevel.class).run(context -> {
            KafkaExListenerEndpointRegistry registry = context.getBean(KafkaExListenerEndpointRegistry.class);
            assertThat(registry.getListenerContainer("multi")).isPresent();
            assertThat(context).hasBean(KafkaExListenerContainerFactory.DEFAULT_BEAN_NAME);
        });
    }

    @Test
    void anInvalidListenerFailsTheStartWithTheFix() {
        runner.withUserConfiguration(TwoSources.class).run(context -> assertThat(context).hasFailed()
                .getFailure().hasMessageContaining("exactly one of topics, topicPattern and topicPartitions"));
        runner.withUserConfiguration(BadProperty.class).run(context -> assertThat(context).hasFailed()
                .getFailure().hasMessageContaining("commit-interval, commit-threshold"));
        runner.withUserConfiguration(BadCommitMode.class).run(context -> assertThat(context).hasFailed()
                .getFailure().hasMessageContaining("commitMode 'manual-later'").hasMessageContaining("MANUAL_IMMEDIATE"));
        runner.withUserConfiguration(BadConcurrency.class).run(context -> assertThat(context).hasFailed()
                .getFailure().hasMessageContaining("concurrency '0'").hasMessageContaining("at least 1"));
    }

    @Test
    void severalErrorHandlersWithoutAPrimaryOneFailTheStartOfAListenerThatNamesNoneAndAPrimaryOneIsUsed() {
        runner.withUserConfiguration(TwoErrorHandlers.class, Unnamed.class).run(context -> assertThat(context)
                .hasFailed().getFailure().hasMessageContaining("but there are 2 (")
                .hasMessageContaining("first").hasMessageContaining("second").hasMessageContaining("@Primary"));
        runner.withUserConfiguration(TwoErrorHandlers.class, PrimaryErrorHandler.class, Unnamed.class)
                .run(context -> assertThat(context).hasNotFailed());
        runner.withUserConfiguration(TwoErrorHandlers.class, Named.class)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void anApplicationWithoutJacksonStartsItsStringListenersAndAJsonOneFailsNamingTheFix() {
        runner.withClassLoader(new FilteredClassLoader("tools.jackson")).withUserConfiguration(Unnamed.class)
                .run(context -> assertThat(context).hasNotFailed());
        runner.withClassLoader(new FilteredClassLoader("tools.jackson")).withUserConfiguration(JsonWithoutJackson.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("no Jackson JsonMapper bean"));
    }

    @Test
    void aCommitModeIsReadLikeThePropertyWithDashesAndAnyCase() {
        assertThat(KafkaExListenerAnnotationBeanPostProcessor.commitMode("l", "Manual-Immediate"))
                .isEqualTo(CommitMode.MANUAL_IMMEDIATE);
        assertThat(KafkaExListenerAnnotationBeanPostProcessor.commitMode("l", " record ")).isEqualTo(CommitMode.RECORD);
        assertThat(KafkaExListenerAnnotationBeanPostProcessor.commitMode("l", "MANUAL_IMMEDIATE"))
                .isEqualTo(CommitMode.MANUAL_IMMEDIATE);
    }

    @Configuration(proxyBeanMethods = false)
    static class Resolved {

        @KafkaExListener(id = "#{'orders' + '-listener'}", topics = {"${orders.topic}", "audit-#{1 + 1}"},
                groupId = "${orders.group}", concurrency = "#{2}", commitMode = "manual_immediate",
                properties = "commit-interval=${orders.interval:7s}")
        void orders(String value) {
        }

        @KafkaExListener(topics = "plain")
        void defaults(String value) {
        }

        @KafkaExListener(id = "fixed", groupId = "fixed", topicPartitions = @io.kafkaex.spring.annotation.TopicPartition(
                topic = "${orders.topic}", partitions = "#{'0,1'.split(',')}",
                partitionOffsets = @PartitionOffset(partition = "2", initialOffset = "${start:5}")))
        void fixed(String value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ClassLevel {

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }

        @Bean
        Multi multi() {
            return new Multi();
        }

        @Bean
        KafkaExListenerContainerFactory otherFactory(
                @org.springframework.beans.factory.annotation.Qualifier(KafkaExListenerContainerFactory.DEFAULT_BEAN_NAME)
                KafkaExListenerContainerFactory defaults) {
            return defaults;
        }
    }

    @KafkaExListener(id = "multi", topics = "multi", containerFactory = "otherFactory")
    static class Multi {

        @KafkaExHandler
        void text(String value) {
        }

        @KafkaExHandler(isDefault = true)
        void anything(Object value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoSources {

        @KafkaExListener(topics = "a", topicPattern = "b.*")
        void both(String value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoErrorHandlers {

        @Bean
        ListenerErrorHandler first() {
            return delivery -> ErrorDecision.recovered();
        }

        @Bean
        ListenerErrorHandler second() {
            return delivery -> ErrorDecision.recovered();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrimaryErrorHandler {

        @Bean
        @Primary
        ListenerErrorHandler primary() {
            return delivery -> ErrorDecision.recovered();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Unnamed {

        @KafkaExListener(topics = "a", autoStartup = "false")
        void unnamed(String value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class JsonWithoutJackson {

        @KafkaExListener(topics = "a", autoStartup = "false")
        void order(java.util.Map<String, Object> order) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Named {

        @KafkaExListener(topics = "a", autoStartup = "false", errorHandler = "first")
        void named(String value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BadCommitMode {

        @KafkaExListener(topics = "a", commitMode = "manual-later")
        void bad(String value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BadConcurrency {

        @KafkaExListener(topics = "a", concurrency = "0")
        void bad(String value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BadProperty {

        @KafkaExListener(topics = "a", properties = "commit-intervall=5s")
        void bad(String value) {
        }
    }

}
