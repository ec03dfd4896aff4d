package io.kafkaex.docs.samples.customizers;

import io.kafkaex.autoconfigure.KafkaExConsumerGroupOptionsCustomizer;
import io.kafkaex.autoconfigure.KafkaExProducerOptionsCustomizer;
import io.kafkaex.consumer.OffsetResetPolicy;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Customizers of the core options the starter creates. */
@Configuration(proxyBeanMethods = false)
class CustomizerConfiguration {

    // tag::customizers[]
    @Bean
    KafkaExProducerOptionsCustomizer longerLinger() {
        return builder -> builder.linger(Duration.ofMillis(20));
    }

    @Bean
    KafkaExConsumerGroupOptionsCustomizer auditFromStart() {
        return (listenerId, builder) -> {
            if (listenerId.equals("audit")) {
                builder.autoOffsetReset(OffsetResetPolicy.EARLIEST);
            }
        };
    }
    // end::customizers[]
}
