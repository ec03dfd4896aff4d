package io.kafkaex.protocol.error;

import io.kafkaex.KafkaExException;
import java.util.Objects;

/**
 * A broker answered with a {@link KafkaError}. Carries the error and, when the error concerns one, the
 * topic and partition, plus the broker's own error message when it sent one. The exception message names
 * all of these together with what the error means, for example
 * {@code NOT_LEADER_OR_FOLLOWER (code 6) on orders-3: <what it means> Broker said: <broker text>}.
 *
 * <p>Catch a subclass for the cases that need their own handling; {@link RetriableKafkaErrorException}
 * marks every error for which sending the request again may succeed. Instances come from
 * {@link KafkaErrorExceptions#of(KafkaError, String, int, String)}, which picks the most specific type.
 *
 * <p>Immutable (apart from the stack trace state every {@link Throwable} has) and thread-safe.
 */
public class KafkaErrorException extends KafkaExException {

    /** The {@link #partition()} of an error that concerns no single partition. */
    public static final int NO_PARTITION = -1;

    private final KafkaError error;
    private final String topic;
    private final int partition;
    private final String brokerMessage;

    KafkaErrorException(KafkaError error, String topic, int partition, String brokerMessage) {
        super(describe(error, topic, partition, brokerMessage));
        this.error = error;
        this.topic = topic;
        this.partition = partition;
        this.brokerMessage = blankToNull(brokerMessage);
    }

    /** The error the broker reported. */
    public KafkaError error() {
        return error;
    }

    /** The topic the error concerns, or {@code null} when it concerns no single topic. */
    public String topic() {
        return topic;
    }

    /** The partition the error concerns, or {@link #NO_PARTITION}. */
    public int partition() {
        return partition;
    }

    /** The broker's own error message, or {@code null} when it sent none (or only blanks). */
    public String brokerMessage() {
        return brokerMessage;
    }

    private static String describe(KafkaError error, String topic, int partition, String brokerMessage) {
        Objects.requireNonNull(error, "error");
        if (error == KafkaError.NONE) {
            throw new IllegalArgumentException("NONE is not an error and cannot become an exception");
        }
        if (partition < NO_PARTITION || (partition != NO_PARTITION && topic == null)) {
            throw new IllegalArgumentException("Partition " + partition + " of topic " + topic
                    + " is not a partition: expected -1 or, with a topic, a partition >= 0");
        }
        StringBuilder text = new StringBuilder(error.name()).append(" (code ").append(error.code()).append(')');
        if (topic != null) {
            text.append(" on ").append(topic);
            if (partition != NO_PARTITION) {
                text.append('-').append(partition);
            }
        }
        text.append(": ").append(error.message());
        String fromBroker = blankToNull(brokerMessage);
        if (fromBroker != null) {
            text.append(" Broker said: ").append(fromBroker);
        }
        return text.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
