package io.kafkaex.producer;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which Produce responses a {@link ProduceResponseDroppingProxy} drops, what becomes of the connection then, and
 * what the proxy counted while this rule was in force: the response to every {@code everyNth} Produce request, at
 * most {@code atMost} of them, is read from the broker (so the broker has handled the request) and not passed on.
 *
 * <p>Thread-safe: the proxy's connection threads count, any thread reads the counts.
 */
final class ResponseDropRule {

    /** What the proxy does with a connection after dropping a chosen response on it. */
    enum AfterDrop {
        /** Closes it at once: the client sees it break and fails every request in flight on it. */
        CLOSE_CONNECTION,
        /** Keeps it open but passes no more responses on: the client waits until its request timeout. */
        GO_SILENT
    }

    private final int everyNth;
    private final int atMost;
    private final AfterDrop afterDrop;
    private final AtomicInteger produceRequests = new AtomicInteger();
    private final AtomicInteger chosen = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    ResponseDropRule(int everyNth, int atMost, AfterDrop afterDrop) {
        if (everyNth < 1 || atMost < 0) {
            throw new IllegalArgumentException("everyNth must be positive and atMost not negative, were " + everyNth
                    + " and " + atMost);
        }
        this.everyNth = everyNth;
        this.atMost = atMost;
        this.afterDrop = afterDrop;
    }

    /** A rule that drops nothing and only counts. */
    static ResponseDropRule dropNothing() {
        return new ResponseDropRule(1, 0, AfterDrop.CLOSE_CONNECTION);
    }

    /** Counts a Produce request on its way to the broker; returns whether its response is to be dropped. */
    boolean choose() {
        if (produceRequests.incrementAndGet() % everyNth != 0) {
            return false;
        }
        return chosen.getAndUpdate(count -> count < atMost ? count + 1 : count) < atMost;
    }

    /** Counts a Produce response that was read from the broker and not passed on. */
    void countDropped() {
        dropped.incrementAndGet();
    }

    AfterDrop afterDrop() {
        return afterDrop;
    }

    /** Produce requests forwarded to the broker under this rule, retries included. */
    int produceRequests() {
        return produceRequests.get();
    }

    /**
     * Produce responses the broker sent and the client never got: the chosen ones, and with
     * {@link AfterDrop#GO_SILENT} those that came after them on the same connection.
     */
    int responsesDropped() {
        return dropped.get();
    }

    @Override
    public String toString() {
        return "drop one Produce response in " + everyNth + ", at most " + atMost + ", then " + afterDrop + " ("
                + produceRequests() + " Produce requests, " + responsesDropped() + " responses dropped)";
    }
}
