package io.kafkaex.spring.listener;

/**
 * Decides what happens after a listener invocation failed: retry it after a delay, or recover the records (publish
 * them to a dead-letter topic, log them, ...) and go on. A record is never skipped without the handler saying
 * {@link ErrorDecision#recovered()}. Set per listener with the {@code errorHandler} attribute (a bean name) or for all
 * listeners as a bean of this type.
 *
 * <p>Threads: called on the failed partition's worker thread; partitions of one listener call it in parallel, so
 * implementations must be thread-safe. It may block (publishing to a dead-letter topic does).
 */
@FunctionalInterface
public interface ListenerErrorHandler {

    /**
     * @return {@link ErrorDecision#retryAfter} to invoke the listener again, or {@link ErrorDecision#recovered()}
     * @throws RuntimeException when recovery failed: the container logs it and asks again after a backoff, so the
     *     records are not lost
     */
    ErrorDecision handle(FailedDelivery delivery);
}
