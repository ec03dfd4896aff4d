package io.kafkaex.spring.listener;

import io.kafkaex.client.TopicPartition;
import io.kafkaex.protocol.record.Header;
import io.kafkaex.protocol.record.Record;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The headers the {@link DeadLetterPublishingRecoverer} adds to each dead-letter record, after the original record's
 * own headers: where the record came from, who failed on it and why. All values are UTF-8 text (numbers in decimal),
 * readable with any Kafka tool. Earlier {@value #PREFIX}* headers of the original record (it failed in a dead-letter
 * topic before) are replaced, so each header appears once and describes the latest failure.
 *
 * <p>Stateless; any thread may use it.
 */
public final class DeadLetterHeaders {

    /** Every header name starts with this. */
    public static final String PREFIX = "kafkaex_dlt-";

    /** The topic the record was consumed from. */
    public static final String ORIGINAL_TOPIC = PREFIX + "original-topic";

    /** The partition it was consumed from. */
    public static final String ORIGINAL_PARTITION = PREFIX + "original-partition";

    /** Its offset there. */
    public static final String ORIGINAL_OFFSET = PREFIX + "original-offset";

    /** Its timestamp, in epoch milliseconds (-1 when it had none). */
    public static final String ORIGINAL_TIMESTAMP = PREFIX + "original-timestamp";

    /** The kind of that timestamp: {@code CREATE_TIME}, {@code LOG_APPEND_TIME} or {@code NO_TIMESTAMP_TYPE}. */
    public static final String ORIGINAL_TIMESTAMP_TYPE = PREFIX + "original-timestamp-type";

    /** The consumer group of the listener that failed. */
    public static final String ORIGINAL_CONSUMER_GROUP = PREFIX + "original-consumer-group";

    /** The id of the listener that failed. */
    public static final String LISTENER_ID = PREFIX + "listener-id";

    /** The fully qualified class name of the exception the listener failed with. */
    public static final String EXCEPTION_FQCN = PREFIX + "exception-fqcn";

    /** Its message, at most {@value #MAX_TEXT_LENGTH} characters; the header value is null when it had none. */
    public static final String EXCEPTION_MESSAGE = PREFIX + "exception-message";

    /** The class name of the exception's root cause; only when it has a cause. */
    public static final String EXCEPTION_CAUSE_FQCN = PREFIX + "exception-cause-fqcn";

    /** The root cause's message (null value when it had none); only when the exception has a cause. */
    public static final String EXCEPTION_CAUSE_MESSAGE = PREFIX + "exception-cause-message";

    /**
     * The exception's stack trace with its causes (each with its first 20 frames), at most {@value #MAX_TEXT_LENGTH}
     * characters.
     */
    public static final String EXCEPTION_STACKTRACE = PREFIX + "exception-stacktrace";

    /** {@code true} when the record could not be converted to the listener's arguments, else {@code false}. */
    public static final String DESERIALIZATION_FAILURE = PREFIX + "deserialization-failure";

    /** How many times in a row the listener failed on the record. */
    public static final String ATTEMPTS = PREFIX + "attempts";

    /** The longest message or stack trace written, in characters; longer ones are cut and end with {@value #CUT_MARK}. */
    public static final int MAX_TEXT_LENGTH = 8192;

    static final String CUT_MARK = "...";

    private static final int FRAMES_PER_EXCEPTION = 20;

    private DeadLetterHeaders() {
    }

    /** The dead-letter record's headers: {@code record}'s own (without earlier {@value #PREFIX}* ones), then this failure's. */
    public static List<Header> of(Record record, FailedDelivery delivery) {
        List<Header> headers = new ArrayList<>(record.headers().size() + 13);
        for (Header header : record.headers()) {
            if (!header.key().startsWith(PREFIX)) {
                headers.add(header);
            }
        }
        TopicPartition source = delivery.partition();
        add(headers, ORIGINAL_TOPIC, source.topic());
        add(headers, ORIGINAL_PARTITION, Integer.toString(source.partition()));
        add(headers, ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(headers, ORIGINAL_TIMESTAMP, Long.toString(record.timestamp()));
        add(headers, ORIGINAL_TIMESTAMP_TYPE, record.timestampType().name());
        add(headers, ORIGINAL_CONSUMER_GROUP, delivery.groupId());
        add(headers, LISTENER_ID, delivery.listenerId());
        Throwable error = delivery.error();
        add(headers, EXCEPTION_FQCN, error.getClass().getName());
        add(headers, EXCEPTION_MESSAGE, bounded(error.getMessage()));
        Throwable rootCause = rootCause(error);
        if (rootCause != error) {
            add(headers, EXCEPTION_CAUSE_FQCN, rootCause.getClass().getName());
            add(headers, EXCEPTION_CAUSE_MESSAGE, bounded(rootCause.getMessage()));
        }
        add(headers, EXCEPTION_STACKTRACE, bounded(stackTrace(error)));
        add(headers, DESERIALIZATION_FAILURE, Boolean.toString(delivery.deserializationFailure()));
        add(headers, ATTEMPTS, Integer.toString(delivery.attempt()));
        return headers;
    }

    private static void add(List<Header> headers, String key, String value) {
        headers.add(Header.of(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
    }

    static String bounded(String text) {
        if (text == null || text.length() <= MAX_TEXT_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_TEXT_LENGTH - CUT_MARK.length()) + CUT_MARK;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable current = error;
        int depth = 0;
        while (current.getCause() != null && current.getCause() != current && depth++ < 100) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * The exception and its causes, each with at most {@value #FRAMES_PER_EXCEPTION} frames, so that the causes fit in
     * the header even below a deep framework stack.
     */
    private static String stackTrace(Throwable error) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = error; current != null && seen.add(current); current = current.getCause()) {
            text.append(current == error ? "" : "Caused by: ").append(current).append('\n');
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, FRAMES_PER_EXCEPTION); i++) {
                text.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > FRAMES_PER_EXCEPTION) {
                text.append("\t... ").append(frames.length - FRAMES_PER_EXCEPTION).append(" more\n");
            }
        }
        return text.toString();
    }
}
