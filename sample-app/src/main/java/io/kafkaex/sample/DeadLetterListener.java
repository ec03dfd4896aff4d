package io.kafkaex.sample;

import io.kafkaex.spring.annotation.KafkaExListener;
import io.kafkaex.spring.listener.DeadLetterHeaders;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Reads {@value OrderTopics#ORDERS_DEAD_LETTERS}: each order that {@link OrderListener} failed on, with the
 * {@code kafkaex_dlt-*} headers that say where it came from and why it failed. The value is taken as text, so that
 * even a record that was not valid JSON can be shown.
 *
 * <p>Runs on the partitions' worker threads, in parallel across partitions.
 */
@Component
public class DeadLetterListener {

    private final OrderActivity activity;

    public DeadLetterListener(OrderActivity activity) {
        this.activity = activity;
    }

    @KafkaExListener(id = "order-dead-letters", topics = OrderTopics.ORDERS_DEAD_LETTERS)
    public void deadLetter(String value,
            @Header(DeadLetterHeaders.ORIGINAL_TOPIC) String originalTopic,
            @Header(DeadLetterHeaders.ORIGINAL_PARTITION) String originalPartition,
            @Header(DeadLetterHeaders.ORIGINAL_OFFSET) String originalOffset,
            @Header(DeadLetterHeaders.LISTENER_ID) String listenerId,
            @Header(DeadLetterHeaders.EXCEPTION_FQCN) String exception,
            @Header(DeadLetterHeaders.EXCEPTION_MESSAGE) String exceptionMessage,
            @Header(DeadLetterHeaders.ATTEMPTS) String attempts) {
        activity.deadLettered(new OrderActivity.DeadLetter(value, originalTopic, originalPartition, originalOffset,
                listenerId, exception, exceptionMessage, attempts));
    }
}
