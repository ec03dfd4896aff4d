package io.kafkaex.client;

import io.kafkaex.protocol.error.KafkaError;

/**
 * The outcome of altering one resource's configuration: {@link KafkaError#NONE} on success, else the error and
 * the broker's message (e.g. which entry it rejected), if any. Immutable.
 */
public record ConfigResourceResult(ConfigResource resource, KafkaError error, String message) implements ItemResult {
}
