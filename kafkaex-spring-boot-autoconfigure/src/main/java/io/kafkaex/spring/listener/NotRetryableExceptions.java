package io.kafkaex.spring.listener;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The exception types after which invoking a listener again cannot succeed, so its records go to the recoverer at once:
 * a failure is not retryable when it, or any of its causes, is an instance of one of them. Immutable and thread-safe.
 */
public final class NotRetryableExceptions {

    private final List<Class<? extends Throwable>> types;

    public NotRetryableExceptions(List<Class<? extends Throwable>> types) {
        this.types = List.copyOf(types);
    }

    /** Whether {@code error} or one of its causes is of a not-retryable type. */
    public boolean matches(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = error; current != null && seen.add(current); current = current.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(current)) {
                    return true;
                }
            }
        }
        return false;
    }

    public List<Class<? extends Throwable>> types() {
        return types;
    }
}
