package io.kafkaex.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class NotRetryableExceptionsTest {

    private final NotRetryableExceptions notRetryable = new NotRetryableExceptions(List.of(IOException.class));

    @Test
    void matchesTheTypeAndItsSubclasses() {
        assertThat(notRetryable.matches(new IOException("x"))).isTrue();
        assertThat(notRetryable.matches(new java.io.FileNotFoundException("x"))).isTrue();
        assertThat(notRetryable.matches(new IllegalStateException("x"))).isFalse();
    }

    @Test
    void matchesACauseAnywhereInTheChain() {
        Throwable wrapped = new IllegalStateException("outer", new RuntimeException("middle", new IOException("root")));
        assertThat(notRetryable.matches(wrapped)).isTrue();
        assertThat(notRetryable.matches(new UncheckedIOException(new IOException("x")))).isTrue();
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(notRetryable.matches(first)).isFalse();
    }
}
