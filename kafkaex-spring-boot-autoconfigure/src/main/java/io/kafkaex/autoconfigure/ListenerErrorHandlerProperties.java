package io.kafkaex.autoconfigure;

import io.kafkaex.spring.listener.DefaultListenerErrorHandler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Properties under {@code kafkaex.listener.error-handler}: retries of a failed listener invocation and the
 * dead-letter topic after them. Part of {@link ListenerProperties}; bound at start-up, read-only afterwards.
 */
public class ListenerErrorHandlerProperties {

    /**
     * How many times a listener is invoked on the same records in total before they go to the dead-letter topic; 1
     * sends them there after the first failure. The default, 3 attempts 1 s apart, gives a transient failure two more
     * chances but holds up a partition with a record that can never be processed for only about 2 s.
     */
    private int maxAttempts = 3;

    /**
     * Exception types that retrying cannot fix: when a listener's exception, or any of its causes, is one of these (or
     * a subclass), its records go to the dead-letter topic at once. Setting it replaces the default list, which is
     * KafkaEx's SerializationException, Spring's MessageConversionException, ConversionException and
     * MethodArgumentResolutionException, ClassCastException and NoSuchMethodException. Records that could not be
     * deserialized always go there at once.
     */
    private List<Class<? extends Throwable>> notRetryableExceptions = new ArrayList<>(
            DefaultListenerErrorHandler.DEFAULT_NOT_RETRYABLE_EXCEPTIONS);

    @NestedConfigurationProperty
    private final BackOff backoff = new BackOff();

    @NestedConfigurationProperty
    private final DeadLetter deadLetter = new DeadLetter();

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public List<Class<? extends Throwable>> getNotRetryableExceptions() {
        return notRetryableExceptions;
    }

    public void setNotRetryableExceptions(List<Class<? extends Throwable>> notRetryableExceptions) {
        this.notRetryableExceptions = notRetryableExceptions;
    }

    public BackOff getBackoff() {
        return backoff;
    }

    public DeadLetter getDeadLetter() {
        return deadLetter;
    }

    /** The kind of wait between attempts. */
    public enum BackOffType {

        /** The same {@code interval} every time. */
        FIXED,

        /** {@code initial-interval}, multiplied by {@code multiplier} per further failure, at most {@code max-interval}. */
        EXPONENTIAL
    }

    /** Properties under {@code kafkaex.listener.error-handler.backoff}: the wait before each further attempt. */
    public static class BackOff {

        /** Fixed: the same interval every time; exponential: a growing interval. */
        private BackOffType type = BackOffType.FIXED;

        /** The wait between attempts with the fixed back-off. */
        private Duration interval = Duration.ofSeconds(1);

        /** The wait after the first failure with the exponential back-off. */
        private Duration initialInterval = Duration.ofSeconds(1);

        /** The growth of the exponential back-off's wait per further failure; 1 or more. */
        private double multiplier = 2.0;

        /**
         * The longest wait of the exponential back-off. It (or the fixed interval, at least 1 s) is also the wait
         * before a failed dead-letter publication is tried again.
         */
        private Duration maxInterval = Duration.ofSeconds(30);

        public BackOffType getType() {
            return type;
        }

        public void setType(BackOffType type) {
            this.type = type;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }
    }

    /** Properties under {@code kafkaex.listener.error-handler.dead-letter}: where failed records go. */
    public static class DeadLetter {

        /**
         * Whether failed records are published to a dead-letter topic. Setting it to false is an explicit opt-in to
         * skipping them: they are only logged at ERROR and their offsets are committed.
         */
        private boolean enabled = true;

        /** Appended to a record's topic to name its dead-letter topic, e.g. orders.DLT. */
        private String topicSuffix = ".DLT";

        /**
         * How long a publication to the dead-letter topic may take (metadata, buffer space, the broker's
         * acknowledgement) before it counts as failed and is tried again later.
         */
        private Duration sendTimeout = Duration.ofSeconds(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTopicSuffix() {
            return topicSuffix;
        }

        public void setTopicSuffix(String topicSuffix) {
            this.topicSuffix = topicSuffix;
        }

        public Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }
    }
}
