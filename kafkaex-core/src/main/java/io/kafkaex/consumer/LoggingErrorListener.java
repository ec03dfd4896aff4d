package io.kafkaex.consumer;

import io.kafkaex.client.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link ConsumerErrorListener}: logs each error at ERROR with its cause. Any thread. */
final class LoggingErrorListener implements ConsumerErrorListener {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaExConsumerGroup.class);

    @Override
    public void onError(TopicPartition partition, Throwable error) {
        if (partition == null) {
            LOG.error("Consumer group member failed: {}", error.getMessage(), error);
        } else {
            LOG.error("Consumer of {} stopped or retrying: {}", partition, error.getMessage(), error);
        }
    }
}
