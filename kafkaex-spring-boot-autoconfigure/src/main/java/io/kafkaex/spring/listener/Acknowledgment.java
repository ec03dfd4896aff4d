package io.kafkaex.spring.listener;

/**
 * Acknowledges the record (or, for a batch listener, the batch) a listener was invoked with, in the
 * {@link CommitMode#MANUAL} and {@link CommitMode#MANUAL_IMMEDIATE} commit modes: the acknowledged offset and those
 * before it in the partition may be committed. Records never acknowledged are not committed, so another member or the
 * restarted application gets them again. In other commit modes it does nothing.
 *
 * <p>Threads: call it on the listener's thread during the invocation; from another thread, or later, the offset is
 * committed with the partition's next commit (in {@link CommitMode#MANUAL_IMMEDIATE} too).
 */
@FunctionalInterface
public interface Acknowledgment {

    void acknowledge();
}
