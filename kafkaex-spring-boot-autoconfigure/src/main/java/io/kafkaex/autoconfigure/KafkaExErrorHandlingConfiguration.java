package io.kafkaex.autoconfigure;

import io.kafkaex.client.KafkaExClient;
import io.kafkaex.producer.KafkaExProducer;
import io.kafkaex.producer.ProducerOptions;
import io.kafkaex.spring.listener.DeadLetterPublishingRecoverer;
import io.kafkaex.spring.listener.DefaultListenerErrorHandler;
import io.kafkaex.spring.listener.ListenerBackOff;
import io.kafkaex.spring.listener.ListenerErrorHandler;
import io.kafkaex.spring.listener.LoggingRecoverer;
import io.kafkaex.spring.listener.NotRetryableExceptions;
import io.kafkaex.spring.listener.RecordRecoverer;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The listener error handling of KafkaEx from {@code kafkaex.listener.error-handler.*}: a
 * {@link DefaultListenerErrorHandler} that retries with the configured back-off and then hands the records to a
 * {@link RecordRecoverer}, by default a {@link DeadLetterPublishingRecoverer} (a {@link LoggingRecoverer} when
 * {@code dead-letter.enabled=false}). A bean of either type defined by the application replaces KafkaEx's. Imported
 * by {@link KafkaExAutoConfiguration}; invalid values fail the start-up with an {@link InvalidKafkaExPropertyException}.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaExErrorHandlingConfiguration {

    private static final String PREFIX = "kafkaex.listener.error-handler.";

    @Bean
    @ConditionalOnMissingBean(ListenerErrorHandler.class)
    DefaultListenerErrorHandler kafkaExListenerErrorHandler(KafkaExProperties properties, RecordRecoverer recoverer) {
        ListenerErrorHandlerProperties errorHandler = properties.getListener().getErrorHandler();
        if (errorHandler.getMaxAttempts() < 1) {
            throw new InvalidKafkaExPropertyException(PREFIX + "max-attempts", errorHandler.getMaxAttempts(),
                    "1 or more (1 sends the records to the recoverer after the first failure)", null);
        }
        return new DefaultListenerErrorHandler(recoverer, backOff(errorHandler.getBackoff()),
                errorHandler.getMaxAttempts(), new NotRetryableExceptions(errorHandler.getNotRetryableExceptions()));
    }

    /** Publishes to {@code <topic><suffix>} with a producer of its own, made on the first recovery and closed with the context. */
    @Bean
    @ConditionalOnMissingBean(RecordRecoverer.class)
    @ConditionalOnBooleanProperty(name = PREFIX + "dead-letter.enabled", matchIfMissing = true)
    DeadLetterPublishingRecoverer kafkaExDeadLetterPublishingRecoverer(KafkaExProperties properties,
            KafkaExOptionsFactory options, KafkaExClient client, Environment environment) {
        ListenerErrorHandlerProperties.DeadLetter deadLetter = properties.getListener().getErrorHandler().getDeadLetter();
        if (deadLetter.getTopicSuffix() == null || deadLetter.getTopicSuffix().isEmpty()) {
            throw new InvalidKafkaExPropertyException(PREFIX + "dead-letter.topic-suffix", deadLetter.getTopicSuffix(),
                    "a non-empty suffix such as .DLT (an empty one would send records back to their own topic)", null);
        }
        Duration sendTimeout = positive(PREFIX + "dead-letter.send-timeout", deadLetter.getSendTimeout());
        ProducerOptions producerOptions = options   // made now, so that their problems fail the start
                .producerOptions(KafkaExAutoConfiguration.defaultClientId(environment), "dead-letter-producer")
                .maxBlock(sendTimeout)
                .build();
        return new DeadLetterPublishingRecoverer(() -> KafkaExProducer.create(producerOptions), client,
                deadLetter.getTopicSuffix(), sendTimeout);
    }

    /** Skips failed records after logging them: only with {@code dead-letter.enabled=false}. */
    @Bean
    @ConditionalOnMissingBean(RecordRecoverer.class)
    @ConditionalOnBooleanProperty(name = PREFIX + "dead-letter.enabled", havingValue = false)
    LoggingRecoverer kafkaExLoggingRecoverer() {
        return new LoggingRecoverer();
    }

    private static ListenerBackOff backOff(ListenerErrorHandlerProperties.BackOff backOff) {
        String prefix = PREFIX + "backoff.";
        if (backOff.getType() == ListenerErrorHandlerProperties.BackOffType.FIXED) {
            return ListenerBackOff.fixed(notNegative(prefix + "interval", backOff.getInterval()));
        }
        Duration initial = notNegative(prefix + "initial-interval", backOff.getInitialInterval());
        if (!(backOff.getMultiplier() >= 1.0) || Double.isInfinite(backOff.getMultiplier())) {
            throw new InvalidKafkaExPropertyException(prefix + "multiplier", backOff.getMultiplier(),
                    "a finite number of 1 or more", null);
        }
        Duration max = notNegative(prefix + "max-interval", backOff.getMaxInterval());
        if (max.compareTo(initial) < 0) {
            throw new InvalidKafkaExPropertyException(prefix + "max-interval", max,
                    "at least " + prefix + "initial-interval (" + initial + ")", null);
        }
        return ListenerBackOff.exponential(initial, backOff.getMultiplier(), max);
    }

    private static Duration notNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidKafkaExPropertyException(property, value, "a duration of zero or more", null);
        }
        return value;
    }

    private static Duration positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidKafkaExPropertyException(property, value, "a positive duration, e.g. 30s", null);
        }
        return value;
    }
}
