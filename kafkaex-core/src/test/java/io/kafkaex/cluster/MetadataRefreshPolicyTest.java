package io.kafkaex.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetadataRefreshPolicyTest {

    private static final long INTERVAL = 60_000;
    private static final long BACKOFF = 100;

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final MetadataRefreshPolicy policy =
            new MetadataRefreshPolicy(Duration.ofMillis(INTERVAL), Duration.ofMillis(BACKOFF), clock::get);

    private void refreshSuccessfully() {
        policy.refreshStarted();
        policy.refreshSucceeded();
    }

    @Test
    void theFirstRefreshIsDueAtOnce() {
        assertThat(policy.isRefreshDue()).isTrue();
        assertThat(policy.millisUntilRefresh()).isZero();
        assertThat(policy.pendingReasons()).containsExactly(RefreshReason.BOOTSTRAP);
    }

    @Test
    void theNextPeriodicRefreshIsDueOneIntervalAfterTheLastSuccess() {
        refreshSuccessfully();
        assertThat(policy.pendingReasons()).isEmpty();
        assertThat(policy.millisUntilRefresh()).isEqualTo(INTERVAL);
        clock.addAndGet(INTERVAL - 1);
        assertThat(policy.isRefreshDue()).isFalse();
        assertThat(policy.millisUntilRefresh()).isEqualTo(1);
        clock.incrementAndGet();
        assertThat(policy.isRefreshDue()).isTrue();
    }

    @Test
    void aRequestedRefreshWaitsForTheBackoffSinceTheLastAttempt() {
        refreshSuccessfully();
        clock.addAndGet(40);
        policy.requestUpdate(RefreshReason.NOT_LEADER_OR_FOLLOWER);
        assertThat(policy.millisUntilRefresh()).isEqualTo(BACKOFF - 40);
        clock.addAndGet(BACKOFF - 40);
        assertThat(policy.isRefreshDue()).isTrue();
    }

    @Test
    void aRequestLongAfterTheLastRefreshIsDueAtOnce() {
        refreshSuccessfully();
        clock.addAndGet(5_000);
        policy.requestUpdate(RefreshReason.UNKNOWN_TOPIC);
        assertThat(policy.isRefreshDue()).isTrue();
    }

    @Test
    void requestsCoalesceIntoOneRefresh() {
        refreshSuccessfully();
        assertThat(policy.requestUpdate(RefreshReason.DISCONNECT)).isFalse();
        assertThat(policy.requestUpdate(RefreshReason.NEWER_LEADER_EPOCH)).isTrue();
        assertThat(policy.requestUpdate(RefreshReason.DISCONNECT)).isTrue();
        assertThat(policy.pendingReasons())
                .containsExactlyInAnyOrder(RefreshReason.DISCONNECT, RefreshReason.NEWER_LEADER_EPOCH);
        clock.addAndGet(BACKOFF);
        refreshSuccessfully();
        assertThat(policy.pendingReasons()).isEmpty();
        assertThat(policy.millisUntilRefresh()).isEqualTo(INTERVAL);
    }

    @Test
    void nothingIsDueWhileARefreshIsInFlight() {
        policy.refreshStarted();
        clock.addAndGet(10 * INTERVAL);
        assertThat(policy.isRefreshInFlight()).isTrue();
        assertThat(policy.isRefreshDue()).isFalse();
        assertThat(policy.millisUntilRefresh()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aRequestDuringARefreshGetsAFollowUpRefreshAfterTheBackoff() {
        policy.refreshStarted();
        assertThat(policy.requestUpdate(RefreshReason.NOT_LEADER_OR_FOLLOWER)).isFalse();
        assertThat(policy.requestUpdate(RefreshReason.UNKNOWN_TOPIC)).isTrue();
        clock.addAndGet(30);
        policy.refreshSucceeded();
        assertThat(policy.isRefreshInFlight()).isFalse();
        assertThat(policy.millisUntilRefresh()).isEqualTo(BACKOFF - 30);
    }

    @Test
    void aFailedRefreshKeepsItsReasonsAndIsRetriedAfterTheBackoff() {
        refreshSuccessfully();
        clock.addAndGet(1_000);
        policy.requestUpdate(RefreshReason.DISCONNECT);
        policy.refreshStarted();
        assertThat(policy.pendingReasons()).isEmpty();
        policy.refreshFailed();
        assertThat(policy.pendingReasons()).containsExactly(RefreshReason.DISCONNECT);
        assertThat(policy.millisUntilRefresh()).isEqualTo(BACKOFF);
    }

    @Test
    void aFailedPeriodicRefreshIsRetriedAfterTheBackoff() {
        refreshSuccessfully();
        clock.addAndGet(INTERVAL);
        policy.refreshStarted();
        policy.refreshFailed();
        assertThat(policy.pendingReasons()).isEmpty();
        assertThat(policy.millisUntilRefresh()).isEqualTo(BACKOFF);
    }

    @Test
    void aFailedBootstrapStaysPending() {
        policy.refreshStarted();
        policy.refreshFailed();
        assertThat(policy.pendingReasons()).containsExactly(RefreshReason.BOOTSTRAP);
        assertThat(policy.millisUntilRefresh()).isEqualTo(BACKOFF);
    }

    @Test
    void startAndFinishMustAlternate() {
        assertThatThrownBy(policy::refreshSucceeded).isInstanceOf(IllegalStateException.class)
                .hasMessage("no metadata refresh is in flight");
        assertThatThrownBy(policy::refreshFailed).isInstanceOf(IllegalStateException.class);
        policy.refreshStarted();
        assertThatThrownBy(policy::refreshStarted).isInstanceOf(IllegalStateException.class)
                .hasMessage("a metadata refresh is already in flight");
    }

    @Test
    void defaultsAreFiveMinutesAndOneHundredMillis() {
        MetadataRefreshPolicy defaults = new MetadataRefreshPolicy(clock::get);
        defaults.refreshStarted();
        defaults.refreshSucceeded();
        assertThat(defaults.millisUntilRefresh()).isEqualTo(Duration.ofMinutes(5).toMillis());
        defaults.requestUpdate(RefreshReason.DISCONNECT);
        assertThat(defaults.millisUntilRefresh()).isEqualTo(100);
    }

    @Test
    void validatesItsDurations() {
        assertThatThrownBy(() -> new MetadataRefreshPolicy(Duration.ZERO, Duration.ZERO, clock::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("refreshInterval must be positive, was PT0S");
        assertThatThrownBy(() -> new MetadataRefreshPolicy(Duration.ofSeconds(1), Duration.ofMillis(-1), clock::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minBackoff must be zero or positive, was PT-0.001S");
    }
}
