package io.kafkaex.autoconfigure;

import io.kafkaex.spring.listener.CommitMode;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Properties under {@code kafkaex.listener}: listener containers (commit mode, concurrency, error handling,
 * observation). Part of
 * {@link KafkaExProperties}; bound at start-up, read-only afterwards. A {@code @KafkaExListener} attribute wins over
 * the property of the same meaning.
 */
public class ListenerProperties {

    @NestedConfigurationProperty
    private final ListenerErrorHandlerProperties errorHandler = new ListenerErrorHandlerProperties();

    /** Consumer-group members per listener container (each with its own connection and partition workers). */
    private int concurrency = 1;

    /**
     * When offsets are committed: async (kafka_ex's default: at the commit threshold or interval), sync (after each
     * batch, waiting), record, batch, manual or manual-immediate (only acknowledged records).
     */
    private CommitMode commitMode = CommitMode.ASYNC;

    /** Whether listener containers start with the application context; else start them through the registry. */
    private boolean autoStartup = true;

    /**
     * Whether each listener invocation (per record; per batch for a batch listener) is a Micrometer observation
     * ("kafkaex.listener") that continues the trace context carried in the record's headers (a batch: its first
     * record's); needs an ObservationRegistry bean.
     */
    private boolean observationEnabled;

    public ListenerErrorHandlerProperties getErrorHandler() {
        return errorHandler;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public CommitMode getCommitMode() {
        return commitMode;
    }

    public void setCommitMode(CommitMode commitMode) {
        this.commitMode = commitMode;
    }

    public boolean isAutoStartup() {
        return autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    public boolean isObservationEnabled() {
        return observationEnabled;
    }

    public void setObservationEnabled(boolean observationEnabled) {
        this.observationEnabled = observationEnabled;
    }
}
