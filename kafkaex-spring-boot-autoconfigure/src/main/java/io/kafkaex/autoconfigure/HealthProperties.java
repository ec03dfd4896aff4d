package io.kafkaex.autoconfigure;

import java.time.Duration;

/**
 * Properties under {@code kafkaex.health}: the actuator health indicators {@code kafkaex} (client and listener
 * containers), {@code kafkaexLiveness} and {@code kafkaexReadiness}. They are switched off with Spring Boot's own
 * {@code management.health.kafkaex.enabled=false}; to use the availability ones in Kubernetes probes, add them to the
 * groups: {@code management.endpoint.health.group.liveness.include=livenessState,kafkaexLiveness} and
 * {@code management.endpoint.health.group.readiness.include=readinessState,kafkaexReadiness}. Part of
 * {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class HealthProperties {

    /** Default of {@link #getRefreshInterval()}. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(5);

    /**
     * How often, at most, a health check that finds no broker reachable (or none contacted yet) asks the client to
     * refresh its metadata in the background, so that a broker that came back is noticed even when nothing else uses
     * the client. The check itself never waits for a broker.
     */
    private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;

    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
        if (refreshInterval == null || refreshInterval.isNegative()) {
            throw new InvalidKafkaExPropertyException("kafkaex.health.refresh-interval", refreshInterval,
                    "a duration of zero or more, e.g. 5s", null);
        }
        this.refreshInterval = refreshInterval;
    }
}
