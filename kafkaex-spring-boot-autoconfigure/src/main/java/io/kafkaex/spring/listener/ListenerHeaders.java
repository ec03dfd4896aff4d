package io.kafkaex.spring.listener;

/**
 * Names of the received-record facts a listener method can take with Spring's
 * {@code @org.springframework.messaging.handler.annotation.Header}. Any other name is looked up among the record's
 * own headers.
 */
public final class ListenerHeaders {

    /** The record's key, converted to the parameter's type. */
    public static final String RECEIVED_KEY = "kafkaex_receivedKey";
    /** The topic the record came from (String). */
    public static final String RECEIVED_TOPIC = "kafkaex_receivedTopic";
    /** The partition number (int). */
    public static final String RECEIVED_PARTITION = "kafkaex_receivedPartition";
    /** The record's offset (long). */
    public static final String OFFSET = "kafkaex_offset";
    /** The record's timestamp in epoch milliseconds (long). */
    public static final String RECEIVED_TIMESTAMP = "kafkaex_receivedTimestamp";
    /** The listener's consumer group (String). */
    public static final String GROUP_ID = "kafkaex_groupId";

    private ListenerHeaders() {
    }
}
