package io.kafkaex.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Looks through a failure's causes and suppressed exceptions in the SASL tests. */
final class SaslFailures {

    private SaslFailures() {
    }

    /** The first exception of {@code type} among {@code failure}, its causes and their suppressed ones; else null. */
    static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !seen.contains(cause); cause = cause.getCause()) {
            seen.add(cause);
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                T found = causeOfType(suppressed, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Asserts that no exception in {@code failure}'s cause chain (and their suppressed ones) shows {@code secret}. */
    static void assertNotIn(Throwable failure, String secret) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause)).doesNotContain(secret);
            for (Throwable suppressed : cause.getSuppressed()) {
                assertThat(String.valueOf(suppressed)).doesNotContain(secret);
            }
        }
    }
}
