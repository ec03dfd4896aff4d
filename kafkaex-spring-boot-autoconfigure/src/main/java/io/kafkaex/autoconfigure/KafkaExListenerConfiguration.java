package io.kafkaex.autoconfigure;

import org.springframework.context.annotation.Configuration;

/** The {@code @KafkaExListener} infrastructure; imported by {@link KafkaExAutoConfiguration}. */
@Configuration(proxyBeanMethods = false)
class KafkaExListenerConfiguration {
}
