package io.kafkaex.client;

import io.kafkaex.protocol.error.KafkaError;

/**
 * The outcome of a DeleteRecords for one partition: on success the partition's new low watermark (its log
 * start offset), else the error, a message saying more (the broker's or the client's; may be {@code null})
 * and a low watermark of -1. Immutable.
 */
public record DeletedRecords(TopicPartition partition, long lowWatermark, KafkaError error, String message)
        implements ItemResult {
}
