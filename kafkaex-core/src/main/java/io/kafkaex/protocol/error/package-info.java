/**
 * Kafka protocol error codes as data ({@link io.kafkaex.protocol.error.KafkaError}) and the typed exceptions
 * they become ({@link io.kafkaex.protocol.error.KafkaErrorExceptions}), each carrying the code, topic,
 * partition, the broker's message and an actionable message of our own.
 */
package io.kafkaex.protocol.error;
