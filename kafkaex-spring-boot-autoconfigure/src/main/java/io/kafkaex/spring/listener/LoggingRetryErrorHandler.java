package io.kafkaex.spring.listener;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error handler of listeners without one: logs each failure and retries with an exponential backoff (1 s doubling
 * to 30 s) for as long as it fails. Records that could not be converted are logged at ERROR with their coordinates and
 * recovered (skipped), since retrying cannot convert them: configure a dead-letter error handler to keep them.
 * Thread-safe.
 */
public final class LoggingRetryErrorHandler implements ListenerErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingRetryErrorHandler.class);
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    @Override
    public ErrorDecision handle(FailedDelivery delivery) {
        long first = delivery.records().get(0).offset();
        long last = delivery.records().get(delivery.records().size() - 1).offset();
        if (delivery.deserializationFailure()) {
            LOG.error("Listener '{}' (group '{}') skips offsets {}..{} of {}: they cannot be converted to the listener's "
                    + "parameter types; configure a ListenerErrorHandler (dead-letter topic) to keep such records",
                    delivery.listenerId(), delivery.groupId(), first, last, delivery.partition(), delivery.error());
            return ErrorDecision.recovered();
        }
        Duration delay = backoff(delivery.attempt());
        LOG.warn("Listener '{}' (group '{}') failed on offsets {}..{} of {} ({} time(s) in a row); retrying in {}",
                delivery.listenerId(), delivery.groupId(), first, last, delivery.partition(), delivery.attempt(), delay,
                delivery.error());
        return ErrorDecision.retryAfter(delay);
    }

    /** 1 s, 2 s, 4 s ... capped at 30 s. */
    static Duration backoff(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 5);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
