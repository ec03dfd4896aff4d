package io.kafkaex.telemetry;

import io.kafkaex.protocol.error.KafkaErrorException;
import java.util.Objects;

/**
 * How an operation ended when it ended normally: kafka_ex's {@code result: :ok | :error} plus the
 * {@code error} reason, carried by {@code stop} events. An error result is an answer such as a broker error
 * code or a timeout; an operation that throws produces an {@code exception} event instead. Immutable.
 *
 * @param result {@link Result#OK} or {@link Result#ERROR}
 * @param error why the operation failed: a {@link KafkaErrorException} for a broker error code, another
 *     exception for client-side failures (timeouts, disconnects); {@code null} exactly when the result is OK
 */
public record Outcome(Result result, Throwable error) {

    /** kafka_ex's {@code :ok} and {@code :error}. */
    public enum Result {
        OK,
        ERROR
    }

    private static final Outcome OK = new Outcome(Result.OK, null);

    /**
     * @throws IllegalArgumentException if {@code error} is missing for an error result or given for an OK one
     */
    public Outcome {
        Objects.requireNonNull(result, "result");
        if ((result == Result.ERROR) != (error != null)) {
            throw new IllegalArgumentException("An error outcome needs an error, an OK outcome must have none");
        }
    }

    /** The operation succeeded. */
    public static Outcome ok() {
        return OK;
    }

    /** The operation failed with {@code error}. */
    public static Outcome error(Throwable error) {
        return new Outcome(Result.ERROR, Objects.requireNonNull(error, "error"));
    }

    /** Whether the operation succeeded. */
    public boolean isOk() {
        return result == Result.OK;
    }

    /**
     * A short, low-cardinality name of the error, fit for a metric tag: the Kafka error name (e.g.
     * {@code NOT_COORDINATOR}) for a broker error, else the exception's simple class name; {@code none} when OK.
     */
    public String errorName() {
        if (error == null) {
            return "none";
        }
        return error instanceof KafkaErrorException kafkaError
                ? kafkaError.error().name()
                : error.getClass().getSimpleName();
    }
}
