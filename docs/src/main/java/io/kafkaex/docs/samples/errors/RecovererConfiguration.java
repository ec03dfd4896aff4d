package io.kafkaex.docs.samples.errors;

import io.kafkaex.spring.listener.RecordRecoverer;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A recoverer that counts and skips failed records instead of dead-lettering them; the retries stay. */
@Configuration(proxyBeanMethods = false)
class RecovererConfiguration {

    // tag::count-skipped[]
    @Bean
    RecordRecoverer countSkipped(MeterRegistry meters) {
        return delivery -> meters.counter("orders.skipped", "listener", delivery.listenerId())
                .increment(delivery.records().size());
    }
    // end::count-skipped[]
}
