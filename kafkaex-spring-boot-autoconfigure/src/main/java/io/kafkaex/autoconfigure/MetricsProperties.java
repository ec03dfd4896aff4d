package io.kafkaex.autoconfigure;

/**
 * Properties under {@code kafkaex.metrics}: the Micrometer meters of every KafkaEx client the auto-configuration
 * creates (active when Micrometer and a {@code MeterRegistry} bean are present). Timers can get percentiles and
 * histograms through Spring Boot's own {@code management.metrics.distribution.*.kafkaex.request} properties. Part of
 * {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class MetricsProperties {

    /** Whether to record KafkaEx meters (kafkaex.request, kafkaex.produce, kafkaex.consumer.*, ...). */
    private boolean enabled = true;

    private final Lag lag = new Lag();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Lag getLag() {
        return lag;
    }

    /** Properties under {@code kafkaex.metrics.lag}. */
    public static class Lag {

        /**
         * Whether to keep consumer lag gauges (kafkaex.consumer.lag, kafkaex.consumer.lag.committed) per group, topic
         * and partition; turn off for applications with very many partitions.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
