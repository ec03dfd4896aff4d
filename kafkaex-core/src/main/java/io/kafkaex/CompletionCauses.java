package io.kafkaex;

import java.util.concurrent.CompletionException;

/**
 * Reaches the failure a {@link java.util.concurrent.CompletableFuture} stage reports: dependent stages wrap the
 * original in {@link CompletionException}s, which say nothing themselves. Stateless; any thread.
 */
public final class CompletionCauses {

    private CompletionCauses() {
    }

    /** {@code failure} without the {@link CompletionException} wrappers around it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
