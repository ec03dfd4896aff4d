package io.kafkaex.docs.samples.listeners;

import io.kafkaex.autoconfigure.KafkaExClientOptionsCustomizer;
import io.kafkaex.telemetry.KafkaExTelemetryListener;
import io.kafkaex.telemetry.RebalanceEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Logs why the listener members' groups rebalance, through a telemetry listener on every client of the starter. */
@Configuration(proxyBeanMethods = false)
class RebalanceTelemetryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RebalanceTelemetryConfiguration.class);

    // tag::rebalance-telemetry[]
    @Bean
    KafkaExClientOptionsCustomizer rebalanceLog() {
        return builder -> builder.telemetryListener(new KafkaExTelemetryListener() {
            @Override
            public void onConsumerRebalance(RebalanceEvent event) {
                log.info("group {} rebalances: {}", event.groupId(), event.reason());
            }
        });
    }
    // end::rebalance-telemetry[]
}
