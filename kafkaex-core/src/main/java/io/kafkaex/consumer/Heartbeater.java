package io.kafkaex.consumer;

import io.kafkaex.client.RetriableFailures;
import io.kafkaex.protocol.error.KafkaError;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Sends a member's heartbeats on the client's event loop, one every heartbeat interval after the previous answer,
 * so they never wait for message processing. A transient failure (coordinator moving, lost connection) only waits
 * for the next beat; an answer that ends the generation is reported once and the beats stop, as they do when no
 * beat succeeded for a whole session timeout. Thread-safe: {@link #start} and {@link #stop} from any thread.
 */
final class Heartbeater {

    /** What a heartbeat found out. Called on the event loop; must not block. */
    interface Outcome {
        /** The generation ended with {@code error} (REBALANCE_IN_PROGRESS, UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID ...). */
        void generationEnded(Generation generation, KafkaError error, Throwable failure);

        /** No heartbeat of {@code generation} succeeded for a session timeout. */
        void sessionExpired(Generation generation);
    }

    private final GroupApi api;
    private final String groupId;
    private final Duration interval;
    private final Duration sessionTimeout;
    private final LongSupplier clock;
    private final Outcome outcome;
    private final AtomicLong run = new AtomicLong();

    Heartbeater(GroupApi api, String groupId, Duration interval, Duration sessionTimeout, LongSupplier clock, Outcome outcome) {
        this.api = api;
        this.groupId = groupId;
        this.interval = interval;
        this.sessionTimeout = sessionTimeout;
        this.clock = clock;
        this.outcome = outcome;
    }

    /** Starts beating for {@code generation}, the first beat one interval from now; ends any earlier run. */
    void start(Generation generation) {
        long current = run.incrementAndGet();
        long now = clock.getAsLong();
        api.schedule(interval, () -> beat(current, generation, now));
    }

    /** Stops the beats; an answer still in flight is ignored. */
    void stop() {
        run.incrementAndGet();
    }

    private void beat(long current, Generation generation, long lastSuccess) {
        if (run.get() != current) {
            return;
        }
        api.heartbeat(groupId, generation.memberId(), generation.generationId(), generation.groupInstanceId())
                .whenComplete((ignored, failure) -> answered(current, generation, lastSuccess, failure));
    }

    private void answered(long current, Generation generation, long lastSuccess, Throwable failure) {
        if (run.get() != current) {
            return;
        }
        long now = clock.getAsLong();
        if (failure == null) {
            api.schedule(interval, () -> beat(current, generation, now));
            return;
        }
        KafkaError error = RetriableFailures.errorOf(failure);
        if (endsGeneration(error)) {
            if (run.compareAndSet(current, current + 1)) {
                outcome.generationEnded(generation, error, failure);
            }
        } else if (now - lastSuccess >= sessionTimeout.toMillis()) {
            if (run.compareAndSet(current, current + 1)) {
                outcome.sessionExpired(generation);
            }
        } else {
            api.schedule(interval, () -> beat(current, generation, lastSuccess));
        }
    }

    /**
     * Everything but a retriable error (coordinator moving or loading, lost connection, timeout) ends the generation;
     * a failure that is no Kafka error at all too.
     */
    private static boolean endsGeneration(KafkaError error) {
        return error == null || !error.isRetriable();
    }
}
