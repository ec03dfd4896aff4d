package io.kafkaex.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaex.spring.listener.DeadLetterPublishingRecoverer;
import io.kafkaex.spring.listener.DefaultListenerErrorHandler;
import io.kafkaex.spring.listener.ErrorDecision;
import io.kafkaex.spring.listener.ExponentialBackOff;
import io.kafkaex.spring.listener.FixedBackOff;
import io.kafkaex.spring.listener.ListenerErrorHandler;
import io.kafkaex.spring.listener.LoggingRecoverer;
import io.kafkaex.spring.listener.RecordRecoverer;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class KafkaExErrorHandlingConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
            .withUserConfiguration(KafkaExErrorHandlingConfiguration.class);

    @Test
    void byDefaultFailedRecordsAreRetriedThreeTimesOneSecondApartThenDeadLettered() {
        runner.run(context -> {
            DefaultListenerErrorHandler handler = context.getBean(DefaultListenerErrorHandler.class);
            assertThat(handler.maxAttempts()).isEqualTo(3);
            assertThat(handler.backOff()).isEqualTo(new FixedBackOff(Duration.ofSeconds(1)));
            assertThat(handler.notRetryableExceptions().types())
                    .containsExactlyElementsOf(DefaultListenerErrorHandler.DEFAULT_NOT_RETRYABLE_EXCEPTIONS);
            assertThat(handler.recoverer()).isInstanceOf(DeadLetterPublishingRecoverer.class)
                    .isSameAs(context.getBean(RecordRecoverer.class));
            assertThat(((DeadLetterPublishingRecoverer) handler.recoverer()).deadLetterTopic("orders"))
                    .isEqualTo("orders.DLT");
        });
    }

    @Test
    void propertyDefaultsEqualTheHandlerAndRecovererDefaults() {
        ListenerErrorHandlerProperties properties = new ListenerErrorHandlerProperties();
        assertThat(properties.getMaxAttempts()).isEqualTo(DefaultListenerErrorHandler.DEFAULT_MAX_ATTEMPTS);
        assertThat(properties.getBackoff().getType()).isEqualTo(ListenerErrorHandlerProperties.BackOffType.FIXED);
        assertThat(properties.getBackoff().getInterval()).isEqualTo(DefaultListenerErrorHandler.DEFAULT_BACK_OFF_INTERVAL);
        assertThat(properties.getNotRetryableExceptions())
                .containsExactlyElementsOf(DefaultListenerErrorHandler.DEFAULT_NOT_RETRYABLE_EXCEPTIONS);
        assertThat(properties.getDeadLetter().isEnabled()).isTrue();
        assertThat(properties.getDeadLetter().getTopicSuffix()).isEqualTo(DeadLetterPublishingRecoverer.DEFAULT_TOPIC_SUFFIX);
        assertThat(properties.getDeadLetter().getSendTimeout()).isEqualTo(DeadLetterPublishingRecoverer.DEFAULT_SEND_TIMEOUT);
    }

    @Test
    void exponentialBackOffMaxAttemptsAndNotRetryableExceptionsBindFromProperties() {
        runner.withPropertyValues("kafkaex.listener.error-handler.max-attempts=5",
                "kafkaex.listener.error-handler.backoff.type=exponential",
                "kafkaex.listener.error-handler.backoff.initial-interval=200ms",
                "kafkaex.listener.error-handler.backoff.multiplier=3",
                "kafkaex.listener.error-handler.backoff.max-interval=10s",
                "kafkaex.listener.error-handler.not-retryable-exceptions=java.io.IOException,java.util.concurrent.TimeoutException")
                .run(context -> {
                    DefaultListenerErrorHandler handler = context.getBean(DefaultListenerErrorHandler.class);
                    assertThat(handler.maxAttempts()).isEqualTo(5);
                    assertThat(handler.backOff()).isEqualTo(
                            new ExponentialBackOff(Duration.ofMillis(200), 3.0, Duration.ofSeconds(10)));
                    assertThat(handler.notRetryableExceptions().types())
                            .containsExactly(IOException.class, TimeoutException.class);
                });
    }

    @Test
    void fixedIntervalAndDeadLetterSuffixBindFromProperties() {
        runner.withPropertyValues("kafkaex.listener.error-handler.backoff.interval=250ms",
                "kafkaex.listener.error-handler.dead-letter.topic-suffix=-dead")
                .run(context -> {
                    assertThat(context.getBean(DefaultListenerErrorHandler.class).backOff())
                            .isEqualTo(new FixedBackOff(Duration.ofMillis(250)));
                    assertThat(context.getBean(DeadLetterPublishingRecoverer.class).deadLetterTopic("orders"))
                            .isEqualTo("orders-dead");
                });
    }

    @Test
    void disablingTheDeadLetterTopicLogsAndSkipsInstead() {
        runner.withPropertyValues("kafkaex.listener.error-handler.dead-letter.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(DeadLetterPublishingRecoverer.class);
            assertThat(context.getBean(RecordRecoverer.class)).isInstanceOf(LoggingRecoverer.class);
            assertThat(context.getBean(DefaultListenerErrorHandler.class).recoverer())
                    .isSameAs(context.getBean(RecordRecoverer.class));
        });
    }

    @Test
    void anApplicationRecovererIsUsedByTheDefaultHandler() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withUserConfiguration(UserRecoverer.class, KafkaExErrorHandlingConfiguration.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(DeadLetterPublishingRecoverer.class)
                            .doesNotHaveBean(LoggingRecoverer.class);
                    assertThat(context.getBean(DefaultListenerErrorHandler.class).recoverer())
                            .isSameAs(context.getBean("userRecoverer"));
                });
    }

    @Test
    void anApplicationErrorHandlerReplacesTheDefault() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaExAutoConfiguration.class))
                .withUserConfiguration(UserErrorHandler.class, KafkaExErrorHandlingConfiguration.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(DefaultListenerErrorHandler.class);
                    assertThat(context.getBean(ListenerErrorHandler.class)).isSameAs(context.getBean("userErrorHandler"));
                });
    }

    @Test
    void theDeadLetterProducerIsNotStartedBeforeARecordNeedsIt() {
        // made on the first recovery and closed with the recoverer: DeadLetterPublishingRecovererIT
        runner.withPropertyValues("spring.application.name=dlt-lazy-test").run(context -> {
            assertThat(context).hasSingleBean(DeadLetterPublishingRecoverer.class);
            assertThat(liveThreadNamed("kafkaex-producer-dlt-lazy-test-dead-letter-producer")).isFalse();
        });
    }

    @Test
    void maxAttemptsBelowOneFailsTheStartUpNamingTheProperty() {
        assertInvalid("kafkaex.listener.error-handler.max-attempts=0", "kafkaex.listener.error-handler.max-attempts");
    }

    @Test
    void aMaxIntervalBelowTheInitialIntervalFailsTheStartUp() {
        runner.withPropertyValues("kafkaex.listener.error-handler.backoff.type=exponential",
                "kafkaex.listener.error-handler.backoff.initial-interval=5s",
                "kafkaex.listener.error-handler.backoff.max-interval=1s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(InvalidKafkaExPropertyException.class)
                        .hasMessageContaining("kafkaex.listener.error-handler.backoff.max-interval")
                        .hasMessageContaining("at least kafkaex.listener.error-handler.backoff.initial-interval"));
    }

    @Test
    void otherInvalidValuesFailTheStartUpNamingTheProperty() {
        assertInvalid("kafkaex.listener.error-handler.backoff.interval=-1s", "kafkaex.listener.error-handler.backoff.interval");
        assertInvalid("kafkaex.listener.error-handler.dead-letter.topic-suffix=",
                "kafkaex.listener.error-handler.dead-letter.topic-suffix");
        assertInvalid("kafkaex.listener.error-handler.dead-letter.send-timeout=0s",
                "kafkaex.listener.error-handler.dead-letter.send-timeout");
        runner.withPropertyValues("kafkaex.listener.error-handler.backoff.type=exponential",
                "kafkaex.listener.error-handler.backoff.multiplier=0.5")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(InvalidKafkaExPropertyException.class)
                        .hasMessageContaining("kafkaex.listener.error-handler.backoff.multiplier"));
    }

    private void assertInvalid(String assignment, String property) {
        runner.withPropertyValues(assignment).run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(InvalidKafkaExPropertyException.class)
                .hasMessageContaining(property));
    }

    private static boolean liveThreadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals(name) && thread.isAlive());
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRecoverer {

        @Bean
        RecordRecoverer userRecoverer() {
            return delivery -> {
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserErrorHandler {

        @Bean
        ListenerErrorHandler userErrorHandler() {
            return delivery -> ErrorDecision.recovered();
        }
    }
}
