package io.kafkaex.spring.listener;

import io.kafkaex.spring.serialization.SerializationException;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.ConversionException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * The listener error handler KafkaEx uses unless the application defines its own: invokes a failed listener again
 * after a {@link ListenerBackOff} until it has failed {@code maxAttempts} times in a row, then hands the records to a
 * {@link RecordRecoverer} (by default the {@link DeadLetterPublishingRecoverer}).
 *
 * <p>Failures that another invocation cannot fix go to the recoverer at once: deserialization failures, and errors
 * that are, or are caused by, one of the {@link NotRetryableExceptions}. When the recoverer fails, the records are
 * kept: the handler logs why and asks for another invocation after the back-off's longest delay (at least
 * {@link #MIN_RECOVERY_RETRY_DELAY}); as the attempts stay exhausted, that next failure goes straight to the recoverer
 * again, so a broken dead-letter topic slows the partition down instead of losing records or spinning.
 *
 * <p>Defaults: {@value #DEFAULT_MAX_ATTEMPTS} attempts with {@link #DEFAULT_BACK_OFF 1 second} between them. A
 * transient failure (a downstream service restarting, a lock timeout) gets two more chances over two seconds, while a
 * record that can never be processed holds up its partition for only those two seconds before it reaches the
 * dead-letter topic. (spring-kafka's default, ten attempts without delay, hammers a failing dependency and gives it no
 * time to come back.)
 *
 * <p>Thread-safe and stateless: the attempt count comes with each {@link FailedDelivery}.
 */
public class DefaultListenerErrorHandler implements ListenerErrorHandler {

    /** Attempts in total (the first invocation and two retries) before the records are recovered. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** The wait between attempts of the default back-off. */
    public static final Duration DEFAULT_BACK_OFF_INTERVAL = Duration.ofSeconds(1);

    /** A fixed {@link #DEFAULT_BACK_OFF_INTERVAL} between attempts. */
    public static final ListenerBackOff DEFAULT_BACK_OFF = ListenerBackOff.fixed(DEFAULT_BACK_OFF_INTERVAL);

    /**
     * Failures another invocation cannot fix: a record that could not be (de)serialized ({@link SerializationException})
     * or converted to the method's arguments ({@link MessageConversionException}, {@link ConversionException},
     * {@link MethodArgumentResolutionException}, {@link ClassCastException}), and a listener method that does not fit
     * ({@link NoSuchMethodException}). {@link IllegalArgumentException} is left out on purpose: application code and
     * libraries throw it for too many reasons to call it permanent by default; add it to the list when yours means it.
     */
    public static final List<Class<? extends Throwable>> DEFAULT_NOT_RETRYABLE_EXCEPTIONS = List.of(
            SerializationException.class, MessageConversionException.class, ConversionException.class,
            MethodArgumentResolutionException.class, ClassCastException.class, NoSuchMethodException.class);

    /** The shortest wait before a failed recovery is tried again, whatever the back-off says. */
    public static final Duration MIN_RECOVERY_RETRY_DELAY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(DefaultListenerErrorHandler.class);

    private final RecordRecoverer recoverer;
    private final ListenerBackOff backOff;
    private final int maxAttempts;
    private final NotRetryableExceptions notRetryable;

    /** The defaults: {@value #DEFAULT_MAX_ATTEMPTS} attempts, 1 s apart, the default not-retryable exceptions. */
    public DefaultListenerErrorHandler(RecordRecoverer recoverer) {
        this(recoverer, DEFAULT_BACK_OFF, DEFAULT_MAX_ATTEMPTS, new NotRetryableExceptions(DEFAULT_NOT_RETRYABLE_EXCEPTIONS));
    }

    /**
     * @param recoverer where records go once retrying is over
     * @param backOff the wait before each further attempt
     * @param maxAttempts invocations in total before recovering, 1 or more (1: recover after the first failure)
     * @param notRetryable failures that are recovered at once
     */
    public DefaultListenerErrorHandler(RecordRecoverer recoverer, ListenerBackOff backOff, int maxAttempts,
            NotRetryableExceptions notRetryable) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more, was " + maxAttempts);
        }
        this.recoverer = Objects.requireNonNull(recoverer, "recoverer");
        this.backOff = Objects.requireNonNull(backOff, "backOff");
        this.maxAttempts = maxAttempts;
        this.notRetryable = Objects.requireNonNull(notRetryable, "notRetryable");
    }

    @Override
    public ErrorDecision handle(FailedDelivery delivery) {
        String giveUpReason = giveUpReason(delivery);
        if (giveUpReason == null) {
            Duration delay = backOff.delayAfter(delivery.attempt());
            log.warn("{} failed (attempt {} of {}); invoking it again in {} ms: {}", FailedDeliveryDescription.of(delivery),
                    delivery.attempt(), maxAttempts, delay.toMillis(), String.valueOf(delivery.error()));
            return ErrorDecision.retryAfter(delay);
        }
        log.error("{} {}; recovering its records with {}", FailedDeliveryDescription.of(delivery), giveUpReason,
                recoverer.getClass().getSimpleName(), delivery.error());
        return recover(delivery);
    }

    /** Why the records go to the recoverer now, or {@code null} to retry. */
    private String giveUpReason(FailedDelivery delivery) {
        if (delivery.deserializationFailure()) {
            return "could not convert the records for the listener (retrying cannot help)";
        }
        if (notRetryable.matches(delivery.error())) {
            return "failed with a not-retryable exception";
        }
        if (delivery.attempt() >= maxAttempts) {
            return "failed " + delivery.attempt() + " time(s) in a row (max-attempts " + maxAttempts + ")";
        }
        return null;
    }

    private ErrorDecision recover(FailedDelivery delivery) {
        try {
            recoverer.recover(delivery);
            return ErrorDecision.recovered();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Duration delay = recoveryRetryDelay();
            log.error("Could not recover the records of {} with {}; they are kept (not committed), the listener is"
                    + " invoked again in {} ms and recovery is tried again if it fails. The listener had failed with: {}",
                    FailedDeliveryDescription.of(delivery), recoverer.getClass().getSimpleName(), delay.toMillis(),
                    String.valueOf(delivery.error()), e);
            return ErrorDecision.retryAfter(delay);
        }
    }

    private Duration recoveryRetryDelay() {
        Duration longest = backOff.maxDelay();
        return longest.compareTo(MIN_RECOVERY_RETRY_DELAY) < 0 ? MIN_RECOVERY_RETRY_DELAY : longest;
    }

    public ListenerBackOff backOff() {
        return backOff;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public NotRetryableExceptions notRetryableExceptions() {
        return notRetryable;
    }

    public RecordRecoverer recoverer() {
        return recoverer;
    }
}
