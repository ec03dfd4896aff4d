package io.kafkaex.client;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the client completes the futures it hands out, so callers' dependent stages never run on the network
 * thread: the executor given in the options, or a pool the client owns — daemon threads named
 * {@code kafkaex-callbacks-<clientId>-<n>}, as many as the machine has processors (at least two). Not the
 * common fork-join pool: on a two-core machine it has a single worker, and handing it every result made
 * pipelined produces several times slower than one at a time.
 *
 * <p>A task refused because the owned pool is shutting down runs on the submitting thread, so no result is
 * lost at close. Thread-safe.
 */
final class CallbackExecutor implements Executor {

    private final Executor executor;
    private final ThreadPoolExecutor owned;

    private CallbackExecutor(Executor executor, ThreadPoolExecutor owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /** The executor of {@code options}, or a pool owned by the client when they name none. */
    static CallbackExecutor of(KafkaExClientOptions options) {
        if (options.callbackExecutor() != null) {
            return new CallbackExecutor(options.callbackExecutor(), null);
        }
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "kafkaex-callbacks-" + options.clientId() + "-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        return new CallbackExecutor(pool, pool);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** Lets queued callbacks finish and stops the owned pool's threads; a given executor is left alone. */
    void shutdown() {
        if (owned != null) {
            owned.shutdown();
        }
    }
}
