package io.kafkaex.telemetry;

/**
 * The name of every telemetry event: first one constant per event that kafka_ex emits, in the order of
 * {@code KafkaEx.Telemetry.events()}, then the events KafkaEx adds ({@link #isSeedEvent()} false). Each constant
 * knows its name in kafka_ex's style ({@code [:kafka_ex, :request, :stop]}; KafkaEx's own under {@code :kafkaex}),
 * its family ({@code request}, {@code consumer.commit}, ...) and its phase ({@code start}, {@code stop},
 * {@code exception}, {@code close}, or empty for single events such as {@code consumer.rebalance}).
 *
 * <p>Listeners receive the name with every event ({@link TelemetryEvent#name()}), for instance to key metrics.
 * Immutable and thread-safe.
 */
public enum TelemetryEventName {

    REQUEST_START("request", "start"),
    REQUEST_STOP("request", "stop"),
    REQUEST_EXCEPTION("request", "exception"),
    CONNECTION_START("connection", "start"),
    CONNECTION_STOP("connection", "stop"),
    CONNECTION_EXCEPTION("connection", "exception"),
    CONNECTION_CLOSE("connection", "close"),
    AUTH_START("auth", "start"),
    AUTH_STOP("auth", "stop"),
    AUTH_EXCEPTION("auth", "exception"),
    PRODUCE_START("produce", "start"),
    PRODUCE_STOP("produce", "stop"),
    PRODUCE_EXCEPTION("produce", "exception"),
    FETCH_START("fetch", "start"),
    FETCH_STOP("fetch", "stop"),
    FETCH_EXCEPTION("fetch", "exception"),
    CONSUMER_COMMIT_START("consumer.commit", "start"),
    CONSUMER_COMMIT_STOP("consumer.commit", "stop"),
    CONSUMER_COMMIT_EXCEPTION("consumer.commit", "exception"),
    CONSUMER_JOIN_START("consumer.join", "start"),
    CONSUMER_JOIN_STOP("consumer.join", "stop"),
    CONSUMER_JOIN_EXCEPTION("consumer.join", "exception"),
    CONSUMER_SYNC_START("consumer.sync", "start"),
    CONSUMER_SYNC_STOP("consumer.sync", "stop"),
    CONSUMER_SYNC_EXCEPTION("consumer.sync", "exception"),
    CONSUMER_HEARTBEAT_START("consumer.heartbeat", "start"),
    CONSUMER_HEARTBEAT_STOP("consumer.heartbeat", "stop"),
    CONSUMER_HEARTBEAT_EXCEPTION("consumer.heartbeat", "exception"),
    CONSUMER_LEAVE_START("consumer.leave", "start"),
    CONSUMER_LEAVE_STOP("consumer.leave", "stop"),
    CONSUMER_LEAVE_EXCEPTION("consumer.leave", "exception"),
    CONSUMER_REBALANCE("consumer.rebalance", ""),
    CONSUMER_PROCESS_START("consumer.process", "start"),
    CONSUMER_PROCESS_STOP("consumer.process", "stop"),
    CONSUMER_PROCESS_EXCEPTION("consumer.process", "exception"),
    METADATA_UPDATE_START("metadata.update", "start"),
    METADATA_UPDATE_STOP("metadata.update", "stop"),
    METADATA_UPDATE_EXCEPTION("metadata.update", "exception"),
    /** KafkaEx's own: one Produce request of the batching producer and its batches' measurements. */
    PRODUCER_REQUEST("producer.request", "", false),
    /** KafkaEx's own: a consumer group member's lag on one partition. */
    CONSUMER_LAG("consumer.lag", "", false);

    private final String family;
    private final String phase;
    private final boolean seedEvent;

    TelemetryEventName(String family, String phase) {
        this(family, phase, true);
    }

    TelemetryEventName(String family, String phase, boolean seedEvent) {
        this.family = family;
        this.phase = phase;
        this.seedEvent = seedEvent;
    }

    /** Whether kafka_ex emits this event too; KafkaEx's own events are not in kafka_ex. */
    public boolean isSeedEvent() {
        return seedEvent;
    }

    /** The event family, dot-separated: {@code request}, {@code consumer.commit}, {@code metadata.update}. */
    public String family() {
        return family;
    }

    /** Family and phase, dot-separated: {@code consumer.commit.stop}, {@code consumer.rebalance}. */
    public String path() {
        return phase.isEmpty() ? family : family + "." + phase;
    }

    /**
     * The event's name in kafka_ex, e.g. {@code [:kafka_ex, :consumer, :commit, :stop]}; for KafkaEx's own events the
     * same shape under {@code :kafkaex}, e.g. {@code [:kafkaex, :producer, :request]}.
     */
    public String seedName() {
        return "[:" + (seedEvent ? "kafka_ex" : "kafkaex") + ", :" + path().replace(".", ", :") + "]";
    }
}
