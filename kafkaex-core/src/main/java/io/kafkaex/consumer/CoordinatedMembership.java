package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.consumer.MembershipWaits.Closing;
import io.kafkaex.consumer.MembershipWaits.Fatal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the memberships of both group protocols share: a coordination thread that runs the protocol until the member is
 * closed and then {@linkplain #shutdown shuts down}, or {@linkplain #fail fails} on an error no rejoin can fix; and the
 * state, generation and owned partitions, which any thread may read. Everything else of a subclass is confined to the
 * coordination thread. Thread-safe.
 */
abstract class CoordinatedMembership implements GroupMembership {

    private static final AtomicInteger THREADS = new AtomicInteger();

    final ConsumerGroupOptions options;
    final Duration requestTimeout;
    final MembershipWaits waits = new MembershipWaits(() -> closing());
    private final Thread thread;

    volatile State state = State.JOINING;
    volatile Generation generation;
    volatile Set<TopicPartition> owned = Set.of();
    private volatile boolean closing;

    CoordinatedMembership(ConsumerGroupOptions options, Duration requestTimeout) {
        this.options = options;
        this.requestTimeout = requestTimeout;
        this.generation = Generation.none(options.groupInstanceId());
        this.thread = new Thread(this::run, "kafkaex-group-" + options.groupId() + "-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
    }

    @Override
    public final void start() {
        thread.start();
    }

    @Override
    public final State state() {
        return state;
    }

    @Override
    public final Generation generation() {
        return generation;
    }

    @Override
    public final Set<TopicPartition> owned() {
        return owned;
    }

    /** Revokes with commits, leaves, and waits for the coordination thread to end (bounded). */
    @Override
    public final void close() {
        closing = true;
        wake();
        if (Thread.currentThread() != thread && thread.isAlive()) {
            try {
                thread.join(options.shutdownTimeout().plus(requestTimeout).plus(requestTimeout).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether {@link #close} was called. */
    final boolean closing() {
        return closing;
    }

    /** Runs the protocol until {@link #closing()}; may end early with {@link Closing} or {@link Fatal}. */
    abstract void coordinate() throws InterruptedException;

    /** Ends a wait of the coordination thread, as the member is closing. */
    abstract void wake();

    /** Revokes the partitions with commits and leaves; the state ends CLOSED. */
    abstract void shutdown();

    /** Ends the membership for good: the state ends FAILED and the listener hears {@code error}. */
    abstract void fail(Throwable error);

    private void run() {
        try {
            coordinate();
            shutdown();
        } catch (Closing closingNow) {
            shutdown();
        } catch (Fatal fatal) {
            fail(fatal.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown();
        } catch (RuntimeException | Error unexpected) {
            fail(unexpected);
        }
    }
}
