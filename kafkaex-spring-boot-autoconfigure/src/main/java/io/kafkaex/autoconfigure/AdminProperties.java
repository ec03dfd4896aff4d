package io.kafkaex.autoconfigure;

import java.time.Duration;

/**
 * Properties under {@code kafkaex.admin}: the admin bean and topic creation at start-up. Part of
 * {@link KafkaExProperties}; bound at start-up, read-only afterwards.
 */
public class AdminProperties {

    /** Default of {@link #operationTimeout}. */
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(30);

    /** Whether the topics declared as NewTopic beans are created (or grown to their partition count) at start-up. */
    private boolean autoCreate = true;

    /**
     * Whether a declared topic that cannot be created fails the start-up; when false, the failure is logged as a
     * warning and the application starts.
     */
    private boolean failFast;

    /** Longest wait of each KafkaExAdmin operation, and the broker-side timeout of topic creation. */
    private Duration operationTimeout = DEFAULT_OPERATION_TIMEOUT;

    public boolean isAutoCreate() {
        return autoCreate;
    }

    public void setAutoCreate(boolean autoCreate) {
        this.autoCreate = autoCreate;
    }

    public boolean isFailFast() {
        return failFast;
    }

    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    public Duration getOperationTimeout() {
        return operationTimeout;
    }

    public void setOperationTimeout(Duration operationTimeout) {
        this.operationTimeout = operationTimeout;
    }
}
