package io.kafkaex.consumer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * How a membership's coordination thread waits: for a broker call, in short polls so that closing the membership ends
 * the wait with {@link Closing}. {@link Fatal} carries an error no rejoin can fix up the thread's stack. Thread-safe.
 */
final class MembershipWaits {

    private static final Duration CLOSE_POLL = Duration.ofMillis(50);

    private final BooleanSupplier closing;

    MembershipWaits(BooleanSupplier closing) {
        this.closing = closing;
    }

    /** Waits for a broker call; its failure is thrown unwrapped, {@link Closing} when the member is closed meanwhile. */
    <T> T await(CompletableFuture<T> call) {
        while (true) {
            if (closing.getAsBoolean()) {
                throw new Closing();
            }
            try {
                return call.get(CLOSE_POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                // poll again
            } catch (ExecutionException failure) {
                Throwable cause = failure.getCause();
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Closing();
            }
        }
    }

    /** The member was closed while it waited. */
    static final class Closing extends RuntimeException {
        Closing() {
            super(null, null, false, false);
        }
    }

    /** An error no rejoin can fix. */
    static final class Fatal extends RuntimeException {
        Fatal(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
