package io.kafkaex.docs.samples.errors;

import io.kafkaex.spring.listener.DefaultListenerErrorHandler;
import io.kafkaex.spring.listener.ErrorDecision;
import io.kafkaex.spring.listener.ListenerErrorHandler;
import io.kafkaex.spring.listener.RecordRecoverer;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Error handlers of the application: a primary one for every listener and one for a single listener. */
@Configuration(proxyBeanMethods = false)
class ErrorHandlerConfiguration {

    // tag::error-handler-beans[]
    @Bean
    @Primary
    DefaultListenerErrorHandler defaultHandler(RecordRecoverer recoverer) {
        return new DefaultListenerErrorHandler(recoverer);     // 3 attempts, 1 s apart, the default list
    }

    @Bean
    ListenerErrorHandler paymentsHandler() {
        return delivery -> delivery.attempt() < 10 ? ErrorDecision.retryAfter(Duration.ofSeconds(5))
                : ErrorDecision.recovered();                   // recovered = skipped here: the offsets move on
    }
    // end::error-handler-beans[]
}
