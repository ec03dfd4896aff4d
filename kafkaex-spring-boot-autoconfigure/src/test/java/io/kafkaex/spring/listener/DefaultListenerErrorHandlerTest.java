package io.kafkaex.spring.listener;

import static io.kafkaex.spring.listener.TestRecords.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.kafkaex.spring.serialization.SerializationException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DefaultListenerErrorHandlerTest {

    private final List<FailedDelivery> recovered = new CopyOnWriteArrayList<>();
    private final RecordRecoverer recordingRecoverer = recovered::add;

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void retriesUntilMaxAttemptsThenRecovers() {
        DefaultListenerErrorHandler handler = handler(recordingRecoverer, ListenerBackOff.fixed(Duration.ofMillis(200)), 3);
        RuntimeException error = new IllegalStateException("database down");

        assertThat(handler.handle(delivery(error, 1))).isEqualTo(ErrorDecision.retryAfter(Duration.ofMillis(200)));
        assertThat(handler.handle(delivery(error, 2))).isEqualTo(ErrorDecision.retryAfter(Duration.ofMillis(200)));
        assertThat(recovered).isEmpty();

        FailedDelivery last = delivery(error, 3);
        assertThat(handler.handle(last)).isEqualTo(ErrorDecision.recovered());
        assertThat(recovered).containsExactly(last);
    }

    @Test
    void theRetryDelayFollowsTheExponentialBackOffPerAttempt() {
        DefaultListenerErrorHandler handler = handler(recordingRecoverer,
                ListenerBackOff.exponential(Duration.ofMillis(100), 2.0, Duration.ofMillis(300)), 5);
        RuntimeException error = new IllegalStateException("busy");
        assertThat(handler.handle(delivery(error, 1))).isEqualTo(ErrorDecision.retryAfter(Duration.ofMillis(100)));
        assertThat(handler.handle(delivery(error, 2))).isEqualTo(ErrorDecision.retryAfter(Duration.ofMillis(200)));
        assertThat(handler.handle(delivery(error, 3))).isEqualTo(ErrorDecision.retryAfter(Duration.ofMillis(300)));
        assertThat(handler.handle(delivery(error, 4))).isEqualTo(ErrorDecision.retryAfter(Duration.ofMillis(300)));
        assertThat(recovered).isEmpty();
    }

    @Test
    void oneMaxAttemptRecoversAfterTheFirstFailure() {
        DefaultListenerErrorHandler handler = handler(recordingRecoverer, ListenerBackOff.fixed(Duration.ofSeconds(1)), 1);
        assertThat(handler.handle(delivery(new IllegalStateException("x"), 1))).isEqualTo(ErrorDecision.recovered());
        assertThat(recovered).hasSize(1);
    }

    @Test
    void aDeserializationFailureIsRecoveredAtOnce() {
        DefaultListenerErrorHandler handler = handler(recordingRecoverer, ListenerBackOff.fixed(Duration.ofSeconds(1)), 10);
        FailedDelivery failed = delivery(List.of(TestRecords.record(5, 1, "k", "{not json")),
                new IllegalStateException("unreadable"), 1, true);
        assertThat(handler.handle(failed)).isEqualTo(ErrorDecision.recovered());
        assertThat(recovered).containsExactly(failed);
    }

    @Test
    void aNotRetryableExceptionOrCauseIsRecoveredAtOnce() {
        DefaultListenerErrorHandler handler = new DefaultListenerErrorHandler(recordingRecoverer);
        assertThat(handler.handle(delivery(new SerializationException("bad bytes"), 1)))
                .isEqualTo(ErrorDecision.recovered());
        assertThat(handler.handle(delivery(new RuntimeException("wrapped", new ClassCastException("String")), 1)))
                .isEqualTo(ErrorDecision.recovered());
        assertThat(recovered).hasSize(2);
    }

    @Test
    void illegalArgumentExceptionIsRetriedByDefault() {
        DefaultListenerErrorHandler handler = new DefaultListenerErrorHandler(recordingRecoverer);
        assertThat(handler.handle(delivery(new IllegalArgumentException("negative amount"), 1)))
                .isEqualTo(ErrorDecision.retryAfter(Duration.ofSeconds(1)));
        assertThat(recovered).isEmpty();
    }

    @Test
    void theDefaultsAreThreeAttemptsOneSecondApart() {
        DefaultListenerErrorHandler handler = new DefaultListenerErrorHandler(recordingRecoverer);
        assertThat(handler.maxAttempts()).isEqualTo(3);
        assertThat(handler.backOff()).isEqualTo(new FixedBackOff(Duration.ofSeconds(1)));
        assertThat(handler.notRetryableExceptions().types())
                .containsExactlyElementsOf(DefaultListenerErrorHandler.DEFAULT_NOT_RETRYABLE_EXCEPTIONS);
    }

    @Test
    void aFailedRecoveryKeepsTheRecordsAndRetriesAfterTheLongestBackOff() {
        List<FailedDelivery> attempts = new CopyOnWriteArrayList<>();
        RecordRecoverer brokenThenFine = delivery -> {
            attempts.add(delivery);
            if (attempts.size() == 1) {
                throw new DeadLetterPublishException("dead-letter topic not writable");
            }
        };
        DefaultListenerErrorHandler handler = handler(brokenThenFine,
                ListenerBackOff.exponential(Duration.ofMillis(100), 2.0, Duration.ofSeconds(30)), 2);
        RuntimeException error = new IllegalStateException("x");

        assertThat(handler.handle(delivery(error, 2))).isEqualTo(ErrorDecision.retryAfter(Duration.ofSeconds(30)));
        assertThat(handler.handle(delivery(error, 3))).as("exhausted: the recoverer is asked again at once")
                .isEqualTo(ErrorDecision.recovered());
        assertThat(attempts).extracting(FailedDelivery::attempt).containsExactly(2, 3);
    }

    @Test
    void aFailedRecoveryWaitsAtLeastOneSecondEvenWithoutBackOff() {
        RecordRecoverer broken = delivery -> {
            throw new IllegalStateException("broken");
        };
        DefaultListenerErrorHandler handler = handler(broken, ListenerBackOff.fixed(Duration.ZERO), 1);
        assertThat(handler.handle(delivery(new IllegalStateException("x"), 1)))
                .isEqualTo(ErrorDecision.retryAfter(DefaultListenerErrorHandler.MIN_RECOVERY_RETRY_DELAY));
        assertThat(DefaultListenerErrorHandler.MIN_RECOVERY_RETRY_DELAY).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anInterruptedRecoveryRetriesAndKeepsTheInterrupt() {
        RecordRecoverer interrupted = delivery -> {
            throw new InterruptedException("stopping");
        };
        DefaultListenerErrorHandler handler = handler(interrupted, ListenerBackOff.fixed(Duration.ofSeconds(2)), 1);
        assertThat(handler.handle(delivery(new IllegalStateException("x"), 1)))
                .isEqualTo(ErrorDecision.retryAfter(Duration.ofSeconds(2)));
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void maxAttemptsBelowOneIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> handler(recordingRecoverer, ListenerBackOff.fixed(Duration.ZERO), 0))
                .withMessageContaining("maxAttempts must be 1 or more");
    }

    private static DefaultListenerErrorHandler handler(RecordRecoverer recoverer, ListenerBackOff backOff, int maxAttempts) {
        return new DefaultListenerErrorHandler(recoverer, backOff, maxAttempts,
                new NotRetryableExceptions(DefaultListenerErrorHandler.DEFAULT_NOT_RETRYABLE_EXCEPTIONS));
    }
}
