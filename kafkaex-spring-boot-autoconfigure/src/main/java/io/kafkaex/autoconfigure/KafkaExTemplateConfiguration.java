package io.kafkaex.autoconfigure;

import org.springframework.context.annotation.Configuration;

/** The template, its producer and serializers, the admin bean and topic creation; imported by {@link KafkaExAutoConfiguration}. */
@Configuration(proxyBeanMethods = false)
class KafkaExTemplateConfiguration {
}
