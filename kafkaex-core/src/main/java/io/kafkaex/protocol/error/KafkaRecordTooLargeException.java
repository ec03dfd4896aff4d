package io.kafkaex.protocol.error;

/**
 * A record or batch exceeds a size limit of the broker or topic: {@link KafkaError#MESSAGE_TOO_LARGE}
 * ({@code message.max.bytes}, {@code max.message.bytes}) or {@link KafkaError#RECORD_LIST_TOO_LARGE} (the
 * topic's segment size). Sending it again will fail again; shrink the record or raise the limit.
 *
 * <p>Immutable (apart from the stack trace state every {@link Throwable} has) and thread-safe.
 */
public class KafkaRecordTooLargeException extends KafkaErrorException {

    KafkaRecordTooLargeException(KafkaError error, String topic, int partition, String brokerMessage) {
        super(error, topic, partition, brokerMessage);
    }
}
