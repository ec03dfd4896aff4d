package io.kafkaex.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Auto-configuration of KafkaEx: binds {@link KafkaExProperties}. Listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}; never
 * component-scanned.
 */
@AutoConfiguration
@EnableConfigurationProperties(KafkaExProperties.class)
public class KafkaExAutoConfiguration {
}
