package io.kafkaex.spring.listener;

/**
 * Deals with records whose listener invocation failed for good, so that the container may commit past them: publishes
 * them to a dead-letter topic ({@link DeadLetterPublishingRecoverer}), logs them ({@link LoggingRecoverer}), stores
 * them elsewhere. The {@link DefaultListenerErrorHandler} calls it once retries are exhausted, or at once for failures
 * that retrying cannot fix. Define a bean of this type to replace the default.
 *
 * <p>Threads: called on the failed partition's worker thread, for several partitions in parallel; implementations
 * must be thread-safe and may block.
 */
@FunctionalInterface
public interface RecordRecoverer {

    /**
     * Recovers every record of {@code delivery}. Return normally only when all of them are dealt with.
     *
     * @throws Exception when they could not be recovered: the records are kept and recovery is tried again later
     */
    void recover(FailedDelivery delivery) throws Exception;
}
