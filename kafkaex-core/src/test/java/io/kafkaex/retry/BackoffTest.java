package io.kafkaex.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(5);

    private final Backoff exact = Backoff.exponential(INITIAL, MAX).withJitter(0.0);

    private static List<Duration> delays(Backoff backoff, int attempts) {
        return IntStream.rangeClosed(1, attempts).mapToObj(backoff::delay).toList();
    }

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        assertThat(delays(exact, 8)).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600), Duration.ofMillis(3200),
                MAX, MAX);
    }

    @Test
    void growsByTheConfiguredMultiplier() {
        assertThat(delays(exact.withMultiplier(3), 4)).containsExactly(Duration.ofMillis(100),
                Duration.ofMillis(300), Duration.ofMillis(900), Duration.ofMillis(2700));
        assertThat(delays(exact.withMultiplier(1), 3)).containsOnly(INITIAL);
    }

    @Test
    void hugeAttemptNumbersStayAtTheCap() {
        assertThat(exact.delay(1_000)).isEqualTo(MAX);
        assertThat(exact.delay(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void jitterStaysWithinItsRatioAndNeverExceedsTheCap() {
        Backoff jittered = Backoff.exponential(INITIAL, MAX).withJitter(0.2).withRandom(new SplittableRandom(42));
        for (int attempt = 1; attempt <= 10; attempt++) {
            long base = exact.delay(attempt).toNanos();
            long low = Math.round(base * 0.8);
            long high = Math.min(Math.round(base * 1.2), MAX.toNanos());
            Set<Long> seen = new HashSet<>();
            for (int sample = 0; sample < 2_000; sample++) {
                long delay = jittered.delay(attempt).toNanos();
                assertThat(delay).as("attempt %d", attempt).isBetween(low, high);
                seen.add(delay);
            }
            assertThat(seen).as("attempt %d spreads", attempt).hasSizeGreaterThan(100);
        }
    }

    @Test
    void jitterSpreadsBothWaysBelowTheCap() {
        Backoff jittered = Backoff.exponential(INITIAL, MAX).withRandom(new SplittableRandom(7));
        List<Long> samples = IntStream.range(0, 1_000).mapToObj(i -> jittered.delay(1).toMillis()).toList();
        assertThat(samples).anyMatch(millis -> millis < 90).anyMatch(millis -> millis > 110);
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        Backoff backoff = Backoff.exponential(INITIAL, MAX);
        assertThat(delays(backoff.withRandom(new SplittableRandom(3)), 10))
                .isEqualTo(delays(backoff.withRandom(new SplittableRandom(3)), 10));
    }

    @Test
    void theDefaultRandomJittersWithinBounds() {
        Backoff backoff = Backoff.exponential(INITIAL, MAX);
        assertThat(backoff.jitter()).isEqualTo(Backoff.DEFAULT_JITTER);
        assertThat(backoff.multiplier()).isEqualTo(Backoff.DEFAULT_MULTIPLIER);
        IntStream.range(0, 1_000).forEach(i -> assertThat(backoff.delay(2)).isBetween(
                Duration.ofMillis(160), Duration.ofMillis(240)));
    }

    @Test
    void theFirstRetryIsAttemptOne() {
        assertThatThrownBy(() -> exact.delay(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempt must be >= 1 (1 = first retry), was 0");
    }

    @Test
    void validatesEachParameterByName() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, MAX))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("initialDelay must be positive, was PT0S");
        assertThatThrownBy(() -> Backoff.exponential(INITIAL, Duration.ofMillis(99)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDelay must be at least initialDelay (PT0.1S), was PT0.099S");
        assertThatThrownBy(() -> Backoff.exponential(INITIAL, Duration.ofDays(365L * 1_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxDelay must be at most");
        assertThatThrownBy(() -> exact.withMultiplier(0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multiplier must be a finite number >= 1.0, was 0.5");
        assertThatThrownBy(() -> exact.withMultiplier(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exact.withMultiplier(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exact.withJitter(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("jitter must be in [0.0, 1.0), was 1.0");
        assertThatThrownBy(() -> exact.withJitter(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exact.withRandom(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withMethodsLeaveTheOriginalUnchanged() {
        Backoff original = Backoff.exponential(INITIAL, MAX);
        original.withJitter(0.5).withMultiplier(4);
        assertThat(original.toString())
                .isEqualTo("Backoff[initialDelay=PT0.1S, multiplier=2.0, maxDelay=PT5S, jitter=0.2]");
        assertThat(original.initialDelay()).isEqualTo(INITIAL);
        assertThat(original.maxDelay()).isEqualTo(MAX);
    }
}
