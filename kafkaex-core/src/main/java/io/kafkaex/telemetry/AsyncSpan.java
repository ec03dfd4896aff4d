package io.kafkaex.telemetry;

import io.kafkaex.CompletionCauses;
import io.kafkaex.KafkaExException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Wraps an asynchronous client operation in a start / stop / exception span. The start event is emitted
 * before the operation begins; when its future completes, one stop event (success, or an error the client
 * reports to its caller: any {@link KafkaExException}, e.g. a broker error code, a timeout or a disconnect) or
 * one exception event (the operation threw something else, synchronously or through its future: invalid
 * input, a bug) follows. The operation's own future is returned unchanged in outcome.
 *
 * <p>Callers check {@link Telemetry#isEnabled()} first and skip this class entirely when it is false, so a
 * client without listeners builds no event and no span. Stateless; any thread. Stop and exception events are
 * emitted on the thread that completes the operation's future.
 */
public final class AsyncSpan {

    private AsyncSpan() {
    }

    /** Builds the stop event of a span from its duration, the result ({@code null} on error) and the outcome. */
    @FunctionalInterface
    public interface StopFactory<T> {
        TelemetryEvent of(Duration duration, T result, Outcome outcome);
    }

    /** Builds the exception event of a span from its duration and what was thrown. */
    @FunctionalInterface
    public interface ThrownFactory {
        TelemetryEvent of(Duration duration, Throwable exception);
    }

    /**
     * Emits {@code start}, runs {@code operation} and emits its stop or exception event when it ends.
     *
     * @return the operation's future (or, if it threw synchronously, that throw is rethrown)
     */
    public static <T> CompletableFuture<T> observe(Telemetry telemetry, TelemetryEvent start,
            Supplier<CompletableFuture<T>> operation, StopFactory<T> stop, ThrownFactory thrown) {
        telemetry.emit(start);
        long startNanos = System.nanoTime();
        CompletableFuture<T> running;
        try {
            running = operation.get();
        } catch (RuntimeException e) {
            telemetry.emit(thrown.of(since(startNanos), e));
            throw e;
        }
        return running.whenComplete((result, error) -> {
            Duration duration = since(startNanos);
            if (error == null) {
                telemetry.emit(stop.of(duration, result, Outcome.ok()));
                return;
            }
            Throwable cause = CompletionCauses.unwrap(error);
            telemetry.emit(cause instanceof KafkaExException
                    ? stop.of(duration, null, Outcome.error(cause))
                    : thrown.of(duration, cause));
        });
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

}
