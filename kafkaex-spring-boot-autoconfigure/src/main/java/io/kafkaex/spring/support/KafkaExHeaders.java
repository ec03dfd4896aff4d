package io.kafkaex.spring.support;

/**
 * Names of the spring-messaging {@link org.springframework.messaging.MessageHeaders} KafkaEx reads and writes. All
 * start with {@value #PREFIX}; headers with that prefix are never copied into Kafka record headers.
 *
 * <p>Sending ({@code KafkaExTemplate.send(Message)}): {@link #TOPIC}, {@link #PARTITION}, {@link #KEY} and
 * {@link #TIMESTAMP} say where and how the payload goes. Receiving ({@code @Header} parameters of a
 * {@code @KafkaExListener} method; a {@code List} of them for a batch listener): the {@code RECEIVED_*} headers,
 * {@link #OFFSET}, {@link #TIMESTAMP_TYPE} and {@link #GROUP_ID} describe the record; any other {@code @Header} name is
 * looked up among the record's own headers. Constants only; any thread.
 */
public final class KafkaExHeaders {

    /** The prefix of every KafkaEx message header. */
    public static final String PREFIX = "kafkaex_";

    /** Sending: the topic to send to (a String). */
    public static final String TOPIC = PREFIX + "topic";

    /** Sending: the partition to send to (an Integer); absent means the partitioner chooses. */
    public static final String PARTITION = PREFIX + "partition";

    /** Sending: the record key (of the template's key type). */
    public static final String KEY = PREFIX + "messageKey";

    /** Sending: the record timestamp in epoch milliseconds (a Long); absent means when it is sent. */
    public static final String TIMESTAMP = PREFIX + "timestamp";

    /** Receiving: the topic the record came from. */
    public static final String RECEIVED_TOPIC = PREFIX + "receivedTopic";

    /** Receiving: the partition the record came from (an Integer). */
    public static final String RECEIVED_PARTITION = PREFIX + "receivedPartition";

    /** Receiving: the record key, deserialized. */
    public static final String RECEIVED_KEY = PREFIX + "receivedMessageKey";

    /** Receiving: the record timestamp in epoch milliseconds (a Long). */
    public static final String RECEIVED_TIMESTAMP = PREFIX + "receivedTimestamp";

    /** Receiving: the record's offset in its partition (a Long). */
    public static final String OFFSET = PREFIX + "offset";

    /** Receiving: what the timestamp means, {@code CREATE_TIME} or {@code LOG_APPEND_TIME} (a String). */
    public static final String TIMESTAMP_TYPE = PREFIX + "timestampType";

    /** Receiving: the consumer group of the listener (a String). */
    public static final String GROUP_ID = PREFIX + "groupId";

    private KafkaExHeaders() {
    }
}
