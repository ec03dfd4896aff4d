package io.kafkaex.spring.listener;

import java.time.Duration;
import java.util.Objects;

/** What a {@link ListenerErrorHandler} decided about a failed invocation. Immutable. */
public sealed interface ErrorDecision {

    /** Invoke the listener again with the same records after {@code delay}; a container stop ends the wait. */
    static ErrorDecision retryAfter(Duration delay) {
        return new Retry(delay);
    }

    /** The records were dealt with (e.g. published to a dead-letter topic): commit past them and go on. */
    static ErrorDecision recovered() {
        return Recovered.INSTANCE;
    }

    record Retry(Duration delay) implements ErrorDecision {
        public Retry {
            Objects.requireNonNull(delay, "delay");
        }
    }

    enum Recovered implements ErrorDecision {
        INSTANCE
    }
}
