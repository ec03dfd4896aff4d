package io.kafkaex.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ListenerBackOffTest {

    @Test
    void fixedBackOffWaitsTheSameIntervalAfterEveryFailure() {
        ListenerBackOff backOff = ListenerBackOff.fixed(Duration.ofMillis(250));
        assertThat(backOff.delayAfter(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(backOff.delayAfter(7)).isEqualTo(Duration.ofMillis(250));
        assertThat(backOff.maxDelay()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void exponentialBackOffMultipliesTheWaitPerFailureUpToTheCap() {
        ListenerBackOff backOff = ListenerBackOff.exponential(Duration.ofMillis(100), 3.0, Duration.ofSeconds(2));
        assertThat(backOff.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backOff.delayAfter(2)).isEqualTo(Duration.ofMillis(300));
        assertThat(backOff.delayAfter(3)).isEqualTo(Duration.ofMillis(900));
        assertThat(backOff.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backOff.delayAfter(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backOff.maxDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void exponentialBackOffStaysAtTheCapForAnyNumberOfFailures() {
        ListenerBackOff backOff = ListenerBackOff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1));
        assertThat(backOff.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backOff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void invalidBackOffsAreRejectedWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> ListenerBackOff.fixed(Duration.ofMillis(-1)))
                .withMessageContaining("zero or more");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ListenerBackOff.exponential(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(5)))
                .withMessageContaining("multiplier");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ListenerBackOff.exponential(Duration.ofSeconds(5), 2, Duration.ofSeconds(1)))
                .withMessageContaining("at least the initial interval");
    }
}
