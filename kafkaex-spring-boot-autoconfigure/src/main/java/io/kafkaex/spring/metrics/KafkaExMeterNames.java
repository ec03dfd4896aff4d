package io.kafkaex.spring.metrics;

/**
 * The names and tag keys of KafkaEx's Micrometer meters, in one place for the recorders, the tests and the docs. Every
 * meter carries the tag {@value #CLIENT_ID}; other tags are low-cardinality (API, broker node id, topic, group, outcome,
 * error name), never record keys or offsets.
 */
public final class KafkaExMeterNames {

    /** Timer of every request on the wire: tags api, broker, outcome, error. */
    public static final String REQUEST = "kafkaex.request";
    /** Timer of a produce span (one batch to one partition): tags topic, outcome, error. */
    public static final String PRODUCE = "kafkaex.produce";
    /** Timer of a fetch span: tags topic, outcome, error. */
    public static final String FETCH = "kafkaex.fetch";
    /** Timer of a metadata refresh: tags outcome, error. */
    public static final String METADATA_UPDATE = "kafkaex.metadata.update";
    /** Timer of a SASL authentication: tags mechanism, reauthentication, outcome, error. */
    public static final String AUTH = "kafkaex.auth";
    /** Timers of the consumer group spans: tags group, outcome, error. */
    public static final String COMMIT = "kafkaex.consumer.commit";
    public static final String JOIN = "kafkaex.consumer.join";
    public static final String SYNC = "kafkaex.consumer.sync";
    public static final String HEARTBEAT = "kafkaex.consumer.heartbeat";
    public static final String LEAVE = "kafkaex.consumer.leave";
    /** Timer of a listener invocation on one partition's records: tags group, topic, outcome, error. */
    public static final String PROCESS = "kafkaex.consumer.process";
    /** Counter of failed operations of every kind: tags source (request, produce, fetch, ...), error. */
    public static final String ERRORS = "kafkaex.errors";
    /** Counter of rebalances a member went through: tags group, reason. */
    public static final String REBALANCES = "kafkaex.consumer.rebalances";
    /** Counter of connection events: tags broker, event (opened, failed, closed), reason. */
    public static final String CONNECTIONS = "kafkaex.connections";
    /** Gauge of records a member is behind on a partition (high watermark - position): tags group, topic, partition. */
    public static final String LAG = "kafkaex.consumer.lag";
    /** Gauge of records not yet committed on a partition (high watermark - committed offset). */
    public static final String COMMITTED_LAG = "kafkaex.consumer.lag.committed";
    /** Gauge of the requests a client has written and awaits answers for. */
    public static final String REQUESTS_IN_FLIGHT = "kafkaex.requests.in-flight";
    /** Gauges of a batching producer's buffer memory, in bytes. */
    /** Records of failed listener invocations, by the error handler's decision (counter). */
    public static final String LISTENER_FAILURES = "kafkaex.listener.failures";
    /** Records per Produce request of the batching producer (distribution summary). */
    public static final String PRODUCER_REQUEST_RECORDS = "kafkaex.producer.request.records";
    /** Bytes per Produce request as sent, after compression (distribution summary). */
    public static final String PRODUCER_REQUEST_BYTES = "kafkaex.producer.request.bytes";
    /** Bytes sent per byte of records, per Produce request: below 1 when compression helps (distribution summary). */
    public static final String PRODUCER_COMPRESSION_RATIO = "kafkaex.producer.compression.ratio";
    public static final String PRODUCER_BUFFER_AVAILABLE = "kafkaex.producer.buffer.available";
    public static final String PRODUCER_BUFFER_TOTAL = "kafkaex.producer.buffer.total";

    public static final String CLIENT_ID = "client.id";
    public static final String API = "api";
    public static final String BROKER = "broker";
    public static final String TOPIC = "topic";
    public static final String PARTITION = "partition";
    public static final String GROUP = "group";
    public static final String OUTCOME = "outcome";
    public static final String ERROR = "error";
    public static final String SOURCE = "source";
    public static final String REASON = "reason";
    public static final String EVENT = "event";
    public static final String MECHANISM = "mechanism";
    public static final String REAUTHENTICATION = "reauthentication";

    private KafkaExMeterNames() {
    }
}
