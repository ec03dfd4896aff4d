package io.kafkaex.cluster;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Decides when the next Metadata refresh is due: periodically, one refresh interval after the last successful
 * one, and sooner when something asks for it ({@link #requestUpdate(RefreshReason)}), but never sooner than the
 * minimum backoff after the previous attempt. Requests coalesce: any number of them before the refresh starts
 * lead to one refresh. A request that arrives while a refresh is in flight is kept for a follow-up refresh,
 * since the in-flight response may predate what prompted it. A failed refresh keeps its reasons and is tried
 * again after the backoff.
 *
 * <p>It starts with {@link RefreshReason#BOOTSTRAP} pending, so the first refresh is due at once. The caller
 * (the network event loop) asks {@link #isRefreshDue()} or {@link #millisUntilRefresh()}, then reports
 * {@link #refreshStarted()} and {@link #refreshSucceeded()} or {@link #refreshFailed()}. Times come from the
 * injected clock in milliseconds.
 *
 * <p>Mutable and not thread-safe: confined to the client's event-loop thread.
 */
public final class MetadataRefreshPolicy {

    /** How long a snapshot serves before it is refreshed anyway, as Kafka's {@code metadata.max.age.ms}. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(5);

    /** The least time between the start of two refreshes, as Kafka's {@code retry.backoff.ms}. */
    public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofMillis(100);

    private static final long NEVER = Long.MIN_VALUE;

    private final long refreshIntervalMillis;
    private final long minBackoffMillis;
    private final LongSupplier clockMillis;
    private final Set<RefreshReason> pending = EnumSet.of(RefreshReason.BOOTSTRAP);
    private final Set<RefreshReason> inFlight = EnumSet.noneOf(RefreshReason.class);
    private boolean refreshing;
    private long lastAttemptMillis = NEVER;
    private long lastSuccessMillis = NEVER;

    /** A policy with {@link #DEFAULT_REFRESH_INTERVAL} and {@link #DEFAULT_MIN_BACKOFF}. */
    public MetadataRefreshPolicy(LongSupplier clockMillis) {
        this(DEFAULT_REFRESH_INTERVAL, DEFAULT_MIN_BACKOFF, clockMillis);
    }

    /**
     * @param refreshInterval how long after a successful refresh the next periodic one is due; positive
     * @param minBackoff      the least time between the starts of two refreshes; zero or positive
     * @param clockMillis     the client's clock in milliseconds
     */
    public MetadataRefreshPolicy(Duration refreshInterval, Duration minBackoff, LongSupplier clockMillis) {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refreshInterval must be positive, was " + refreshInterval);
        }
        if (minBackoff.isNegative()) {
            throw new IllegalArgumentException("minBackoff must be zero or positive, was " + minBackoff);
        }
        this.refreshIntervalMillis = refreshInterval.toMillis();
        this.minBackoffMillis = minBackoff.toMillis();
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /**
     * Asks for a refresh as soon as the backoff allows.
     *
     * @return whether a refresh was already pending, so this request joined it
     */
    public boolean requestUpdate(RefreshReason reason) {
        boolean alreadyPending = !pending.isEmpty();
        pending.add(Objects.requireNonNull(reason, "reason"));
        return alreadyPending;
    }

    /** The reasons of the requests that the next refresh will serve; empty when only the periodic one is due. */
    public Set<RefreshReason> pendingReasons() {
        return Set.copyOf(pending);
    }

    /** Whether a refresh has started and not yet succeeded or failed. */
    public boolean isRefreshInFlight() {
        return refreshing;
    }

    /** Whether a refresh should start now: none is in flight and the due time has come. */
    public boolean isRefreshDue() {
        return millisUntilRefresh() == 0;
    }

    /**
     * Milliseconds until the next refresh is due, 0 when it is due now, {@link Long#MAX_VALUE} while one is in
     * flight (its completion decides the next due time). Suits a selector's poll timeout.
     */
    public long millisUntilRefresh() {
        if (refreshing) {
            return Long.MAX_VALUE;
        }
        long expiresAt = pending.isEmpty() ? lastSuccessMillis + refreshIntervalMillis : NEVER;
        long allowedAt = lastAttemptMillis == NEVER ? NEVER : lastAttemptMillis + minBackoffMillis;
        long dueAt = Math.max(expiresAt, allowedAt);
        long now = clockMillis.getAsLong();
        return dueAt <= now ? 0 : dueAt - now;
    }

    /**
     * Records that a refresh request was sent; it serves every pending request.
     *
     * @throws IllegalStateException when a refresh is already in flight
     */
    public void refreshStarted() {
        if (refreshing) {
            throw new IllegalStateException("a metadata refresh is already in flight");
        }
        refreshing = true;
        lastAttemptMillis = clockMillis.getAsLong();
        inFlight.addAll(pending);
        pending.clear();
    }

    /** Records that the in-flight refresh succeeded; the periodic interval restarts now. */
    public void refreshSucceeded() {
        finish();
        lastSuccessMillis = clockMillis.getAsLong();
    }

    /** Records that the in-flight refresh failed; its reasons are pending again, due after the backoff. */
    public void refreshFailed() {
        pending.addAll(finish());
    }

    private Set<RefreshReason> finish() {
        if (!refreshing) {
            throw new IllegalStateException("no metadata refresh is in flight");
        }
        refreshing = false;
        Set<RefreshReason> served = EnumSet.copyOf(inFlight);
        inFlight.clear();
        return served;
    }
}
